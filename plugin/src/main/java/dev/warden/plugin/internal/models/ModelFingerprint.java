package dev.warden.plugin.internal.models;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a model directory looks like on disk, cheaply: the real path it resolves to (through a swapped symlink)
 * and the name, size and modification time of every file in it. Two equal fingerprints mean nothing was swapped or
 * written, so there is nothing to load; a directory written in place file by file changes its fingerprint with
 * every file, so a half-written state that was refused is retried once the writing goes on.
 *
 * @param realPath the directory with every symlink resolved
 * @param files per file name: size and modification time
 */
record ModelFingerprint(Path realPath, SortedMap<String, List<Long>> files) {

  /**
   * Reads the fingerprint of a directory now.
   *
   * @throws IOException if the directory (or the symlink's target) does not exist or cannot be listed
   */
  static ModelFingerprint of(Path directory) throws IOException {
    Path real = directory.toRealPath();
    SortedMap<String, List<Long>> files = new TreeMap<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(real)) {
      for (Path entry : entries) {
        BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class);
        if (attributes.isRegularFile()) {
          files.put(entry.getFileName().toString(),
              List.of(attributes.size(), attributes.lastModifiedTime().toMillis()));
        }
      }
    }
    return new ModelFingerprint(real, files);
  }
}
