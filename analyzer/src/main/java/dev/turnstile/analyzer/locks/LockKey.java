package dev.turnstile.analyzer.locks;

import dev.turnstile.analyzer.model.LockKind;

/** One lock within a recording: its kind, the class users know it by, and its monitor address or identity hash. */
public record LockKey(LockKind kind, String lockClass, long id) {
    public String idText() {
        return "0x" + Long.toHexString(id);
    }
}
