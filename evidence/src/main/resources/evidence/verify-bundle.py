#!/usr/bin/env python3
"""Verifies a Sweetie referral bundle without Sweetie: an independent second verifier.

    python3 verify-bundle.py [--key VKEY] BUNDLE.zip [BUNDLE.zip ...]

Python 3.8 or newer, standard library only. It follows the procedure of Sweetie's docs/evidence.md, section 7:
the zip's structure, the manifest, the verifier key, the Ed25519 signature of the checkpoint (implemented below
from RFC 8032, as Python's standard library has none), every entry's canonical encoding and RFC 9162 inclusion
proof, the completeness of every exported conversation, and the transcripts. It prints one line per bundle,
"OK: ..." or "FAILED: <what> in <file>", and exits 0 only when every bundle holds. It does not check the RFC 3161
token's signature (checkpoint.tsr), only that it is over this checkpoint: use `openssl ts -verify` for that.
Read it before you run it: it is short, and it is only worth what you know of where it came from.
"""
import base64
import functools
import hashlib
import json
import re
import struct
import sys
import zlib

MAX_FILES, MAX_FILE_BYTES, MAX_TOTAL_BYTES = 1_000_000, 64 << 20, 1 << 30  # Sweetie's default limits


class Failed(Exception):
    """The first thing in a bundle that does not hold."""


# --- Ed25519 signature verification, RFC 8032 section 5.1 -----------------------------------------------------

P = 2 ** 255 - 19
L = 2 ** 252 + 27742317777372353535851937790883648493
D = -121665 * pow(121666, P - 2, P) % P
SQRT_M1 = pow(2, (P - 1) // 4, P)


def point_add(p, q):  # extended coordinates (X, Y, Z, T), section 5.1.4; also right for doubling
    a, b = (p[1] - p[0]) * (q[1] - q[0]) % P, (p[1] + p[0]) * (q[1] + q[0]) % P
    c, d = 2 * p[3] * q[3] * D % P, 2 * p[2] * q[2] % P
    e, f, g, h = b - a, d - c, d + c, b + a
    return e * f % P, g * h % P, f * g % P, e * h % P


def point_mul(s, p):
    q = (0, 1, 1, 0)
    while s:
        if s & 1:
            q = point_add(q, p)
        p, s = point_add(p, p), s >> 1
    return q


def point_decode(b):  # section 5.1.3
    y = int.from_bytes(b, "little")
    sign, y = y >> 255, y & ((1 << 255) - 1)
    if y >= P:
        return None
    x2 = (y * y - 1) * pow(D * y * y + 1, P - 2, P) % P
    x = pow(x2, (P + 3) // 8, P)
    if (x * x - x2) % P:
        x = x * SQRT_M1 % P
    if (x * x - x2) % P or (x == 0 and sign):
        return None
    if x & 1 != sign:
        x = P - x
    return x, y, 1, x * y % P


def point_equal(p, q):
    return (p[0] * q[2] - q[0] * p[2]) % P == 0 and (p[1] * q[2] - q[1] * p[2]) % P == 0


BASE = point_decode((4 * pow(5, P - 2, P) % P).to_bytes(32, "little"))  # y = 4/5, x even


@functools.lru_cache(maxsize=16)  # bundles of one checkpoint share its signature: verified once per run
def ed25519_verify(public, message, signature):  # section 5.1.7, checking [S]B = R + [k]A
    if len(public) != 32 or len(signature) != 64:
        return False
    a, r, s = point_decode(public), point_decode(signature[:32]), int.from_bytes(signature[32:], "little")
    if a is None or r is None or s >= L:
        return False
    k = int.from_bytes(hashlib.sha512(signature[:32] + public + message).digest(), "little") % L
    return point_equal(point_mul(s, BASE), point_add(r, point_mul(k, a)))


# --- The zip, read by its central directory; nothing may lie outside the entries it names -----------------------

def u(fmt, data, at):
    return struct.unpack_from("<" + fmt, data, at)


def read_zip(data):
    n = len(data)
    if n < 22 or data[n - 22:n - 18] != b"PK\x05\x06" or data[n - 2:] != b"\0\0":
        raise Failed("no zip end record at the end of the file (cut off, or bytes appended)")
    _, _, _, count, size, offset = u("HHHHII", data, n - 18)
    end = n - 22
    if count == 0xFFFF or 0xFFFFFFFF in (size, offset):  # ZIP64: the locator, then the ZIP64 end record
        end = u("Q", data, n - 42 + 8)[0] if data[n - 42:n - 38] == b"PK\x06\x07" else -1
        if end != n - 42 - 56 or data[end:end + 4] != b"PK\x06\x06":
            raise Failed("the zip's ZIP64 end record is missing or misplaced")
        count, size, offset = u("QQQ", data, end + 32)
    if count > MAX_FILES:
        raise Failed("%d files in the zip, more than the limit of %d" % (count, MAX_FILES))
    if offset + size != end:
        raise Failed("the zip's central directory is not where its end record says (cut off?)")
    members, at = [], offset
    for _ in range(count):
        if data[at:at + 4] != b"PK\x01\x02":
            raise Failed("the zip's central directory is broken at byte %d" % at)
        (_, _, need, flags, method, time, date, crc, csize, usize, nlen, xlen, clen, _, _, _, local) = \
            u("IHHHHHHIIIHHHHHII", data, at)
        name = data[at + 46:at + 46 + nlen]
        members.append((local, name, need, flags, method, time, date, crc, csize, usize))
        at += 46 + nlen + xlen + clen
    if at != end:
        raise Failed("the zip's central directory has bytes its records do not account for")
    if sum(m[9] for m in members) > MAX_TOTAL_BYTES:
        raise Failed("more than %d bytes uncompressed in all files (a zip bomb?)" % MAX_TOTAL_BYTES)
    files, expected = {}, 0
    for local, name, need, flags, method, time, date, crc, csize, usize in sorted(members):
        shown = name.decode("utf-8", "replace")
        if local < expected:
            raise Failed("%s: overlaps the zip entry before it" % shown)
        if local > expected:
            raise Failed("%d bytes before %s that no entry of the central directory covers" % (local - expected,
                                                                                                shown))
        if shown in files or flags & 0x2041 or method not in (0, 8) or usize > MAX_FILE_BYTES:
            raise Failed("%s: twice, encrypted, of an unknown method or too large" % shown)
        header = u("IHHHHHIIIHH", data, local) if local + 30 <= n else (0,) * 11
        start = local + 30 + header[9] + header[10]
        sizes = header[6:9] == (crc, csize, usize) or flags & 8 and header[6:9] == (0, 0, 0)
        if header[:6] != (0x04034b50, need, flags, method, time, date) or not sizes \
                or data[local + 30:local + 30 + header[9]] != name:
            raise Failed("%s: its local header does not agree with the zip's central directory" % shown)
        expected = start + csize
        if flags & 8:  # a data descriptor: an optional signature, then CRC-32 and both sizes
            skip = 4 if data[expected:expected + 4] == b"PK\x07\x08" else 0
            descriptor = u("III", data, expected + skip) if expected + skip + 12 <= n else None
            if descriptor != (crc, csize, usize):
                raise Failed("%s: its data descriptor does not agree with the zip's central directory" % shown)
            expected += skip + 12
        files[shown] = inflate(data[start:start + csize], method, usize, crc, shown)
    if expected != offset:
        raise Failed("%d bytes between the last zip entry and the central directory" % (offset - expected))
    return files


def inflate(raw, method, size, crc, name):
    if method == 0:
        out = raw
    else:
        inflater = zlib.decompressobj(-15)
        try:
            out = inflater.decompress(raw, size + 1)  # never more than declared, whatever a bomb holds
        except zlib.error:
            raise Failed("%s: its deflated data is corrupt" % name)
        if len(out) > size or not inflater.eof or inflater.unused_data:
            raise Failed("%s: its data does not end where the central directory says (a zip bomb?)" % name)
    if len(out) != size or zlib.crc32(out) != crc:
        raise Failed("%s: its data does not match the size and CRC-32 in the central directory" % name)
    return out


# --- Evidence entries (docs/evidence.md, section 2) -----------------------------------------------------------

def utf8(data, name):
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise Failed("%s: not UTF-8" % name)


def escape(value):
    # Java strings are UTF-16: a pair of escaped surrogates is one character there, so join pairs first.
    value = value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    out = []
    for c in value:
        o = ord(c)
        out.append("\\\\" if c == "\\" else "\\n" if c == "\n" else "\\r" if c == "\r" else
                   "\\u%04x" % o if o < 0x20 or o == 0x7F or 0xD800 <= o <= 0xDFFF else c)
    return "".join(out)


def unescape(value):
    return re.sub(r"\\(u[0-9a-fA-F]{4}|.)", lambda m: {"\\": "\\", "n": "\n", "r": "\r"}.get(
        m.group(1)) or (chr(int(m.group(1)[1:], 16)) if len(m.group(1)) == 5 else "\0bad"), value)


def decode_entry(data, name):
    """An entry as (kind, [(field, value), ...]); only its one canonical encoding is accepted."""
    lines = utf8(data, name)[:-1].split("\n")
    if not data.endswith(b"\n") or lines[0] != "sweetie-evidence-entry/1" or len(lines) < 2 \
            or not lines[1].startswith("kind="):
        raise Failed("%s: not an evidence entry" % name)
    fields = []
    for line in lines[2:]:
        key, _, value = line.partition("=")
        if not re.fullmatch(r"[a-z_]+", key) or "=" not in line:
            raise Failed("%s: a line that is not name=value" % name)
        fields.append((key, unescape(value)))
    kind = unescape(lines[1][5:])
    encoded = "".join("%s=%s\n" % (k, escape(v)) for k, v in [("kind", kind)] + fields)
    if ("sweetie-evidence-entry/1\n" + encoded).encode("utf-8", "surrogatepass") != data:
        raise Failed("%s: not in canonical form" % name)
    return kind, fields


def get(entry, field):
    return next((v for k, v in entry[1] if k == field), "")


# --- RFC 9162 inclusion proofs ---------------------------------------------------------------------------------

def node(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def proof_length(index, size):
    length = 0
    while size > 1:
        k = 1 << ((size - 1).bit_length() - 1)  # the largest power of two smaller than size
        index, size = (index, k) if index < k else (index - k, size - k)
        length += 1
    return length


def included(index, size, leaf, proof, root):  # section 2.1.3.2
    if index >= size or len(proof) != proof_length(index, size):
        return False
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node(p, r)
            while not fn & 1 and fn:
                fn, sn = fn >> 1, sn >> 1
        else:
            r = node(r, p)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and r == root


# --- Transcripts, rendered from the entries as Sweetie renders them -------------------------------------------

def visible(text):  # controls and bidirectional overrides shown as \\uXXXX, as Sweetie's Printable does
    return "".join("\\u%04x" % ord(c) if ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or 0x202A <= ord(c) <= 0x202E
                   or 0x2066 <= ord(c) <= 0x2069 or c in "\u200e\u200f\u061c" else c for c in text)


def transcript_text(cid, entries):
    out = "Conversation %d" % cid
    if entries:
        f = entries[0][1]
        out += " on %s (%s), %s, persona %s with partner %s" % (
            visible(get(f, "network")), visible(get(f, "protocol")),
            "in " + visible(get(f, "channel")) if get(f, "channel") else "private",
            visible(get(f, "persona")), visible(get(f, "partner")))
    out += ("\nTimes are UTC. '<' is the partner, '>' the persona (bot, or operator with id), '*' an event, '!' "
            "what Sweetie's analysis flagged. [n] is the entry's leaf index in the evidence log. A line a server "
            "kept shows its time received and, as '(sent ...)', when the partner sent it.\n\n")
    for index, e in entries:
        line = "[%d] %s " % (index, get(e, "time"))
        if e[0] == "message":
            partner = get(e, "author") == "partner"
            line += "#%s %s %s" % (get(e, "seq"), "<" if partner else ">", visible(get(e, "sender")))
            if get(e, "delay_stamp"):
                line += " (sent %s)" % visible(get(e, "delay_stamp"))
            if not partner:
                operator = get(e, "operator")
                line += " (%s%s)" % (get(e, "author"), " " + visible(operator) if operator else "")
            line += ": " + visible(get(e, "text"))
        elif e[0] == "flag":
            detail = get(e, "detail")
            line += "! analysis at #%s: %s %s%s" % (get(e, "seq"), get(e, "flag"), get(e, "value"),
                                                    " (%s)" % visible(detail) if detail else "")
        else:
            line += "* %s %s [%s]" % (visible(get(e, "actor")), visible(get(e, "detail")), get(e, "event"))
        out += line + "\n"
    return out.encode("utf-8", "replace")


HEADER_FIELDS = ["network", "protocol", "persona", "persona_account", "partner", "channel"]


def transcript_json(cid, entries):
    """What transcript.json must hold, as (key, value) pairs in order; compared with the file parsed alike."""
    first = entries[0][1] if entries else ("", [])
    pairs = [("conversation", cid)] + [(f, get(first, f) or None) for f in HEADER_FIELDS]
    lines = []
    for index, (kind, fields) in entries:
        line = {"leaf": index, "kind": kind}
        for k, v in fields:
            if k != "conversation" and k not in HEADER_FIELDS:
                line[k] = v
        lines.append(list(line.items()))
    return pairs + [("entries", lines)]


# --- The procedure, docs/evidence.md section 7 ------------------------------------------------------------------

ENTRY, PROOF = re.compile(r"entries/(\d{20})\.entry"), re.compile(r"proofs/(\d{20})\.proof")
TRANSCRIPT = re.compile(r"conversations/(\d+)/transcript\.(txt|json)")
OTHER_FILES = {"README.txt", "verify-bundle.py", "verifier-key.txt", "checkpoint.txt", "checkpoint.tsr",
               "MANIFEST.sha256"}


def require(files, name):
    if name not in files:
        raise Failed("%s: missing" % name)
    return files[name]


def check_manifest(files):
    text, listed = utf8(require(files, "MANIFEST.sha256"), "MANIFEST.sha256"), {}
    if not text.endswith("\n"):
        raise Failed("MANIFEST.sha256: does not end with a line feed")
    for number, line in enumerate(text[:-1].split("\n"), 1):
        m = re.fullmatch(r"([0-9a-f]{64})  (\S+)", line)
        if not m or m.group(2) in listed:
            raise Failed("MANIFEST.sha256:%d: not '<sha256>  <file>', or a file listed twice" % number)
        listed[m.group(2)] = m.group(1)
        if hashlib.sha256(require(files, m.group(2))).hexdigest() != m.group(1):
            raise Failed("%s: its SHA-256 is not the one in the manifest" % m.group(2))
    for name in files:
        if name != "MANIFEST.sha256" and name not in listed:
            raise Failed("%s: in the bundle but not in the manifest" % name)


def b64(text, name):
    try:
        data = base64.b64decode(text, validate=True)
    except ValueError:
        raise Failed("%s: bad base64" % name)
    if base64.b64encode(data).decode() != text:
        raise Failed("%s: base64 not in canonical form" % name)
    return data


def check_key(files):
    """verifier-key.txt: NAME+KEYID+base64(0x01 || public key), the key id belonging to the name and key."""
    text = utf8(require(files, "verifier-key.txt"), "verifier-key.txt")
    parts = text[:-1].split("+", 2)
    typed = b64(parts[2], "verifier-key.txt") if len(parts) == 3 and text.endswith("\n") else b""
    if len(typed) != 33 or typed[0] != 1:
        raise Failed("verifier-key.txt: not one Ed25519 verifier key and a line feed")
    key_id = hashlib.sha256(parts[0].encode() + b"\n\x01" + typed[1:]).digest()[:4]
    if key_id.hex() != parts[1]:
        raise Failed("verifier-key.txt: the key id does not belong to this name and key")
    return parts[0], key_id, typed[1:], text[:-1]


def check_checkpoint(files, key):
    name, key_id, public, _ = key
    note = utf8(require(files, "checkpoint.txt"), "checkpoint.txt")
    text, blank, signatures = note.rpartition("\n\n")
    if not blank or not note.endswith("\n"):
        raise Failed("checkpoint.txt: not a signed note")
    text += "\n"
    signed = False
    for line in signatures[:-1].split("\n"):
        parts = line[2:].split(" ") if line.startswith("\u2014 ") else []
        blob = b64(parts[1], "checkpoint.txt") if len(parts) == 2 else b""
        if len(blob) < 5:
            raise Failed("checkpoint.txt: a malformed signature line")
        if parts[0] == name and blob[:4] == key_id and ed25519_verify(public, text.encode(), blob[4:]):
            signed = True
    if not signed:
        raise Failed("checkpoint.txt: no signature by the bundle's key that verifies")
    lines = text.split("\n")
    if len(lines) < 4 or lines[0] != name or not re.fullmatch(r"0|[1-9][0-9]{0,18}", lines[1]):
        raise Failed("checkpoint.txt: not a checkpoint of the key's log")
    root = base64.b64decode(lines[2], validate=True)
    if len(root) != 32:
        raise Failed("checkpoint.txt: the root hash is not 32 bytes")
    return int(lines[1]), root


def der(data, at):
    """One DER element at `at`: (tag, start of contents, end)."""
    tag, length, at = data[at], data[at + 1], at + 2
    if length & 0x80:
        count = length & 0x7F
        length, at = int.from_bytes(data[at:at + count], "big"), at + count
    return tag, at, at + length


def children(data, start, end):
    out = []
    while start < end:
        element = der(data, start)
        out.append(element)
        start = element[2]
    return out


def check_timestamp(files):
    """Only that the RFC 3161 token is over this checkpoint: its message imprint is SHA-256(checkpoint.txt)."""
    token = files.get("checkpoint.tsr")
    if token is None:
        return "no trusted timestamp"
    try:
        content_info = children(token, *der(token, 0)[1:])                  # contentType, [0] SignedData
        signed_data = children(token, *der(token, content_info[1][1])[1:])  # version, digests, encapContentInfo
        encapsulated = children(token, *signed_data[2][1:])                 # eContentType, [0] OCTET STRING
        octets = der(token, encapsulated[1][1])
        info = children(token, *der(token, octets[1])[1:])                  # TSTInfo: version, policy, imprint
        algorithm, imprint = children(token, *info[2][1:])
        oid = children(token, *algorithm[1:])[0]
        sha256 = token[oid[1]:oid[2]]
        time = token[info[4][1]:info[4][2]].decode("ascii")
    except (IndexError, UnicodeDecodeError, ValueError):
        raise Failed("checkpoint.tsr: not an RFC 3161 timestamp token")
    if sha256 != bytes.fromhex("608648016503040201") or \
            token[imprint[1]:imprint[2]] != hashlib.sha256(files["checkpoint.txt"]).digest():
        raise Failed("checkpoint.tsr: the token is over other data")
    return "a timestamp token of %s over this checkpoint (its signature: check with openssl ts -verify)" % time


def check_entries(files, size, root):
    entries = {}
    for name, data in files.items():
        entry, proof = ENTRY.fullmatch(name), PROOF.fullmatch(name)
        if proof and "entries/%s.entry" % proof.group(1) not in files:
            raise Failed("%s: a proof without its entry" % name)
        if not entry and not proof and not TRANSCRIPT.fullmatch(name) and name not in OTHER_FILES:
            raise Failed("%s: not a file a bundle has" % name)
        if not entry:
            continue
        index, proof_name = int(entry.group(1)), "proofs/%s.proof" % entry.group(1)
        lines = utf8(require(files, proof_name), proof_name).split("\n")
        if lines[:2] != ["leaf %d" % index, "tree %d" % size] or lines[-1] != "" or \
                not all(re.fullmatch(r"[0-9a-f]{64}", h) for h in lines[2:-1]):
            raise Failed("%s: not 'leaf %d', 'tree %d' and hashes" % (proof_name, index, size))
        leaf = hashlib.sha256(b"\0" + data).digest()
        if not included(index, size, leaf, [bytes.fromhex(h) for h in lines[2:-1]], root):
            raise Failed("%s: not included in the signed tree (its proof does not verify)" % name)
        entries[index] = decode_entry(data, name)
    return dict(sorted(entries.items()))


def check_completeness(entries):
    exports = [e for e in entries.values() if e[0] == "export"]
    if len(exports) != 1:
        raise Failed("the bundle must hold exactly one export entry, it holds %d" % len(exports))
    named = {}
    for value in (v for k, v in exports[0][1] if k == "conversation"):
        if not re.fullmatch(r"[0-9]+ [0-9]+ [0-9]+", value):
            raise Failed("the export entry: an exported conversation is 'ID MESSAGES EVENTS': " + value)
        cid, messages, others = map(int, value.split())
        named[cid] = (messages, others)
    seen, by_conversation = {cid: [0, 0] for cid in named}, {cid: [] for cid in named}
    for index, e in entries.items():
        if e[0] == "export":
            continue
        cid = int(get(e, "conversation")) if re.fullmatch(r"[0-9]+", get(e, "conversation")) else None
        if cid not in named:
            raise Failed("entries/%020d.entry: of a conversation the export does not name" % index)
        by_conversation[cid].append((index, e))
        if e[0] == "message":
            seen[cid][0] += 1
            if get(e, "seq") != str(seen[cid][0]):
                raise Failed("conversation %d: message %d is missing or out of order" % (cid, seen[cid][0]))
        else:
            seen[cid][1] += 1
    for cid, counts in named.items():
        if tuple(seen[cid]) != counts:
            raise Failed("conversation %d: the export names %d messages and %d others, the bundle holds %d and %d"
                         % ((cid,) + counts + tuple(seen[cid])))
    return by_conversation


def check_transcripts(files, by_conversation):
    for cid, entries in by_conversation.items():
        text, js = "conversations/%d/transcript.txt" % cid, "conversations/%d/transcript.json" % cid
        if require(files, text) != transcript_text(cid, entries):
            raise Failed("%s: does not say what the signed entries say" % text)
        try:
            parsed = json.loads(utf8(require(files, js), js), object_pairs_hook=list)
        except ValueError:
            parsed = None
        if parsed != transcript_json(cid, entries) or not files[js].endswith(b"}\n"):
            raise Failed("%s: does not say what the signed entries say" % js)
    for name in files:
        m = TRANSCRIPT.fullmatch(name)
        if m and int(m.group(1)) not in by_conversation:
            raise Failed("%s: a transcript of a conversation the export does not name" % name)


def verify(path, expected_key=None):
    with open(path, "rb") as f:
        files = read_zip(f.read())
    check_manifest(files)
    key = check_key(files)
    if expected_key is not None and key[3] != expected_key.strip():
        raise Failed("signed by %s, not by the key given with --key" % key[3])
    size, root = check_checkpoint(files, key)
    stamp = check_timestamp(files)
    entries = check_entries(files, size, root)
    conversations = check_completeness(entries)
    check_transcripts(files, conversations)
    return "OK: %d evidence entries in %d conversations, complete, in the log of %d entries signed by %s; %s" % (
        len(entries), len(conversations), size, key[3], stamp)


def main(args):
    key = None
    if args[:1] == ["--key"] and len(args) > 2:
        key, args = args[1], args[2:]
    if not args or args[0].startswith("-"):
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    failed = False
    for path in args:
        try:
            print(verify(path, key) + " in " + path, flush=True)
        except (Failed, OSError, ValueError, struct.error) as e:  # ValueError: bad base64, hex or DER lengths
            reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
            if isinstance(e, (ValueError, struct.error)):
                reason = "malformed, cut off or not a bundle (%s)" % reason
            print("FAILED: %s in %s" % (visible(reason), path), flush=True)
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
