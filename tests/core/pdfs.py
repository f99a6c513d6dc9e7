"""Write small PDF files for tests (a text layer, or none as in a scanned page)."""

from __future__ import annotations

from pathlib import Path


def write_pdf(path: Path, lines: list[str], title: str = "", created: str = "") -> Path:
    """A one-page PDF showing ``lines`` in Helvetica; no lines: a page with only a drawing.
    ``created``: its CreationDate as PDF writes it ('D:20220301120000Z')."""
    if lines:
        ops = ["BT /F1 12 Tf 72 720 Td"]
        for i, line in enumerate(lines):
            text = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(("" if i == 0 else "0 -18 Td ") + f"({text}) Tj")
        ops.append("ET")
    else:
        ops = ["0.5 g 72 300 468 400 re f"]  # a grey box standing in for a scanned image
    content = "\n".join(ops).encode("latin-1")
    info = ("<< " + (f"/Title ({title}) " if title else "")
            + (f"/CreationDate ({created}) " if created else "") + ">>").encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        info,
    ]
    path.write_bytes(assemble_pdf(objects, b"/Root 1 0 R /Info 6 0 R"))
    return path


def assemble_pdf(objects: list[bytes], trailer: bytes, xref_shift: int = 0) -> bytes:
    """A PDF file of numbered objects (1, 2...), its cross-reference table and trailer;
    ``xref_shift`` moves every offset the table gives (a damaged or edited file)."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{max(0, o + xref_shift):010d} 00000 n \n".encode() for o in offsets)
    out += (b"trailer\n<< /Size " + str(len(objects) + 1).encode() + b" " + trailer
            + b" >>\nstartxref\n" + str(xref).encode() + b"\n%%EOF\n")
    return bytes(out)


def encrypt_pdf(path: Path, out: Path, user_password: str, algorithm: str) -> Path:
    """``path`` encrypted: with an empty user password it opens without one (an owner
    password restricts printing or copying)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(path))
    writer.encrypt(user_password=user_password, owner_password="owner-secret",
                   algorithm=algorithm)
    with out.open("wb") as fh:
        writer.write(fh)
    return out
