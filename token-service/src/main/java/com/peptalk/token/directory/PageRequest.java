package com.peptalk.token.directory;

/** Which page of a list to return; built by the controllers from {@code page} and {@code size}. */
public record PageRequest(int page, int size) {

    /** A client may ask for any size; it gets at most {@code maxSize}, and the page says which size it got. */
    static PageRequest of(int page, int size, int maxSize) {
        return new PageRequest(page, Math.min(size, maxSize));
    }

    long offset() {
        return (long) page * size;
    }
}
