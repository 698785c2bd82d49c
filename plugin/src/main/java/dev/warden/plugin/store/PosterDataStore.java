package dev.warden.plugin.store;

/**
 * A poster's data on request (privacy law): export everything stored about a poster key, or erase it. Both run in
 * one transaction; implementations are thread-safe and can be shared by several web nodes. Failures to reach the
 * database surface as {@link StoreException}.
 */
public interface PosterDataStore {
  /** Longest poster key that can have been stored. */
  int MAX_POSTER_KEY = 512;

  /**
   * Everything stored about a poster key (empty lists if nothing).
   *
   * @throws IllegalArgumentException if the key is blank or longer than {@value #MAX_POSTER_KEY}
   */
  PosterData export(String posterKey);

  /**
   * Deletes the poster's comments (every status), the notes about them and their suspension (even one in force),
   * and replaces the poster key in earlier audit events by a pseudonym. The erasure is audited under the pseudonym,
   * never the key.
   *
   * @param actor who asked for it (the admin), recorded in the audit trail
   * @throws IllegalArgumentException if the key is blank or longer than {@value #MAX_POSTER_KEY}
   */
  PosterErasure erase(String posterKey, Actor actor);
}
