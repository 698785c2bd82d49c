package dev.warden.plugin.internal.throttle;

/**
 * One admitted comment's allowances as the shared counts see them: the poster's (escalated by its strikes on this
 * node), its allowance on the article, and its client address's. Times in nanoseconds.
 *
 * @param checkAddress false when the poster key is the address: the comment is then only counted for the address
 */
public record SharedAttempt(String posterKey, String addressKey, boolean checkAddress, long articleHash,
    long minInterval, int windowMax, long window, int articleMax, long articleWindow, int addressMax,
    long addressWindow) {}
