package org.splicecbm.hub;

/** Checks repository ids, revisions and file names before they become URLs and cache paths. */
final class HubNames {
    private HubNames() {}

    static void check(String repoId, String revision, String filename) {
        if (repoId == null || !repoId.matches("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?") || repoId.contains("..")) {
            throw new IllegalArgumentException("a hub repository id must look like \"org/name\", found \"" + repoId + "\"");
        }
        if (revision == null || revision.isBlank() || revision.contains("..") || revision.startsWith("/")) {
            throw new IllegalArgumentException("a hub revision must be a branch, tag or commit hash, found \"" + revision + "\"");
        }
        if (filename == null || filename.isBlank() || filename.startsWith("/") || filename.contains("\\")
                || java.util.Arrays.asList(filename.split("/")).contains("..")) {
            throw new IllegalArgumentException("a hub file name must be a relative path inside the repository, found \"" + filename + "\"");
        }
    }
}
