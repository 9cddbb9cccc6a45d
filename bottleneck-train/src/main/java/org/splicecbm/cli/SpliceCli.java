package org.splicecbm.cli;

/** Entry point of the {@code splice} command line. */
public final class SpliceCli {
    public static void main(String[] args) {
        System.out.println("splice-cbm");
    }
}
