package dev.turnstile.analyzer.locks;

import dev.turnstile.analyzer.model.LockKind;

/** One lock within a recording. */
record LockKey(LockKind kind, String lockClass, long id) {
    String idText() {
        return "0x" + Long.toHexString(id);
    }
}
