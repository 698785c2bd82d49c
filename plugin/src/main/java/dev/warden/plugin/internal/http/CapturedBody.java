package dev.warden.plugin.internal.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;

/**
 * A request body read once, with its media type. The bytes are never modified: what the site or the store gets
 * is exactly what the reader sent.
 *
 * @param bytes the raw body (owned by this value; do not modify)
 * @param mediaType the parsed Content-Type
 * @param contentType the Content-Type header as sent (may be null)
 */
record CapturedBody(byte[] bytes, MediaType mediaType, String contentType) {

  /**
   * The body decoded with the request charset (UTF-8 by default), strictly.
   *
   * @throws RequestRejection 400 {@code invalid_encoding} if the bytes are not valid in that charset
   */
  String text() throws RequestRejection {
    return decode(bytes, mediaType.charset());
  }

  static String decode(byte[] bytes, Charset charset) throws RequestRejection {
    try {
      return charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new RequestRejection(400, "invalid_encoding", "the body is not valid " + charset.name());
    }
  }
}
