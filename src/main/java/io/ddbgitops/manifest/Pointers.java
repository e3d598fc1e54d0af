package io.ddbgitops.manifest;

/** JSON pointer helpers (RFC 6901). */
final class Pointers {
    private Pointers() {
    }

    static String child(String parent, String name) {
        return parent + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    static String child(String parent, int index) {
        return parent + "/" + index;
    }

    /** The enclosing pointer, or the empty pointer (the document) for a top-level field. */
    static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? "" : pointer.substring(0, slash);
    }
}
