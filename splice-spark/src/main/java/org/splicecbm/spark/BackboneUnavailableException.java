package org.splicecbm.spark;

/** The backbone of the settings could not be opened on an executor (missing folder, no network, wrong weights). */
public final class BackboneUnavailableException extends RuntimeException {
    BackboneUnavailableException(String backbone, Throwable cause) {
        super("backbone '" + backbone + "' cannot be loaded on executor " + host() + ": " + cause.getMessage()
                + ". Every executor must reach the model: a folder at the same path on every node, or a hub name with"
                + " HF_HOME on a shared cache (set 'backbone' in the config)", cause);
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "(unknown host)";
        }
    }
}
