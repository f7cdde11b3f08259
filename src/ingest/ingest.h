// Ingest: turns input bytes (files, directories, stdin) into Documents.
//
// Reads: nothing. Writes: Document::{id, url, title, authors, date, date_source, origin, format,
// text, meta, errors}. Text is raw reader output: it may still hold invalid UTF-8 (the text stage
// repairs it) but never markup.
//
// Contract: every input document yields exactly one emitted Document, in input order. An input
// that cannot be read at all (missing file, corrupt archive header) yields one Document whose
// `errors` say why; a truncated archive yields the documents before the damage plus one error
// Document that names the offset. No function here throws.
#ifndef CASUS_INGEST_INGEST_H_
#define CASUS_INGEST_INGEST_H_

#include <functional>
#include <string>
#include <string_view>

#include "casus/document.h"
#include "casus/options.h"

namespace casus::ingest {

using EmitFn = std::function<void(Document&&)>;

// Reads a path: a file, a directory (recursively, files in sorted order), or "-" for stdin.
void read_path(const std::string& path, const ReadOptions& options, const EmitFn& emit);

// Reads one input held in memory. `name` is its path (or "-"), used for the format by extension,
// ids and origins. Gzip-compressed bytes are decompressed first.
void read_bytes(std::string_view name, std::string_view bytes, const ReadOptions& options,
                const EmitFn& emit);

// The format of an input named `name` whose first bytes are `head` (already decompressed).
InputFormat detect_format(std::string_view name, std::string_view head);

// A stable id from a file name: the base name without directories and extensions.
std::string id_from_name(std::string_view name);

// --- Readers of one format (each implemented in its own file) ---

// Markdown or plain-text article (markdown.cc): title, byline, dateline, body without markup,
// trailing boilerplate moved to meta["boilerplate"]. Fills `doc` (one input = one document).
void read_markdown(std::string_view name, std::string_view bytes, Document& doc);
// Plain text: same metadata heuristics as Markdown, no markup removal.
void read_text(std::string_view name, std::string_view bytes, Document& doc);

// One HTML page (html.cc): metadata from meta tags and JSON-LD, visible text as `text`.
void read_html(std::string_view name, std::string_view bytes, Document& doc);

// JSON Lines (jsonl.cc): one document per non-blank line; `id` and `text` required.
void read_jsonl(std::string_view name, std::string_view bytes, const EmitFn& emit);

// WARC (warc.cc): each `response` record with an HTML payload becomes a document.
void read_warc(std::string_view name, std::string_view bytes, const EmitFn& emit);

// --- Decompression (gzip.cc) ---

struct GunzipResult {
  std::string data;         // everything decompressed up to the end or the damage
  bool ok = true;           // false when the stream is truncated or corrupt
  size_t error_offset = 0;  // compressed byte offset of the damaged member
  std::string message;
};

// True when `bytes` start with the gzip magic number.
bool is_gzip(std::string_view bytes);
// Decompresses all members of a (multi-member) gzip stream, at most `max_out` bytes.
GunzipResult gunzip(std::string_view bytes, size_t max_out);

}  // namespace casus::ingest

#endif  // CASUS_INGEST_INGEST_H_
