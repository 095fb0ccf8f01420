package org.sweetie.evidence;

/** A trusted timestamping service (RFC 3161). */
public interface TimestampAuthority {
    /** A timestamp token (DER) over the SHA-256 of the data, checked before it is returned. */
    byte[] timestamp(byte[] data);
}
