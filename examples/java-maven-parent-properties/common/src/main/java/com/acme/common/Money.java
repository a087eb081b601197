package com.acme.common;

/** Formats cents (unused by billing at run time: the jar stays self-contained). */
public final class Money {
    private Money() {}

    public static String format(long cents) {
        return String.format("%d.%02d", cents / 100, cents % 100);
    }
}
