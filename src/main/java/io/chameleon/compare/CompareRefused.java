package io.chameleon.compare;

/** compare cannot run now (another compare, a stopped replica behind MySQL, no common point): the message says why and the fix. */
public final class CompareRefused extends RuntimeException {
    public CompareRefused(String message) {
        super(message);
    }
}
