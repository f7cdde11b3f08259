#include "ingest/ingest.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <system_error>
#include <vector>

namespace casus::ingest {
namespace {

namespace fs = std::filesystem;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The name without a trailing ".gz".
std::string_view strip_gz(std::string_view name) {
  if (ends_with(name, ".gz")) name.remove_suffix(3);
  return name;
}

Document error_document(std::string_view name, std::string origin, std::string message) {
  Document doc;
  doc.id = id_from_name(name);
  doc.origin = std::move(origin);
  doc.add_error("ingest", std::move(message));
  return doc;
}

bool read_file(const fs::path& path, std::string* out, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot open file";
    return false;
  }
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (!ec) out->reserve(size);
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) {
    *error = "read error";
    return false;
  }
  return true;
}

void read_one_format(InputFormat format, std::string_view name, std::string_view bytes,
                     const EmitFn& emit) {
  switch (format) {
    case InputFormat::kJsonl:
      read_jsonl(name, bytes, emit);
      return;
    case InputFormat::kWarc:
      read_warc(name, bytes, emit);
      return;
    default:
      break;
  }
  Document doc;
  doc.id = id_from_name(name);
  doc.origin = std::string(name);
  doc.format = input_format_name(format);
  if (format == InputFormat::kHtml) {
    read_html(name, bytes, doc);
  } else if (format == InputFormat::kText) {
    read_text(name, bytes, doc);
  } else {
    read_markdown(name, bytes, doc);
  }
  emit(std::move(doc));
}

// Inside directories only files with an article format's extension are read.
bool has_known_extension(std::string_view base) {
  const std::string n = lower(strip_gz(base));
  for (const char* ext : {".md", ".markdown", ".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl",
                          ".ndjson", ".warc"}) {
    if (ends_with(n, ext)) return true;
  }
  return false;
}

}  // namespace

std::string id_from_name(std::string_view name) {
  if (name == "-" || name.empty()) return "stdin";
  std::string base = fs::path(std::string(name)).filename().string();
  // Strip compression and format extensions: "a.warc.gz" -> "a", "x.md" -> "x".
  for (const char* ext : {".gz", ".warc", ".jsonl", ".ndjson", ".json", ".html", ".htm", ".md",
                          ".markdown", ".txt", ".text"}) {
    if (ends_with(lower(base), ext) && base.size() > std::string_view(ext).size())
      base.resize(base.size() - std::string_view(ext).size());
  }
  return base;
}

InputFormat detect_format(std::string_view name, std::string_view head) {
  const std::string n = lower(strip_gz(name));
  if (ends_with(n, ".warc")) return InputFormat::kWarc;
  if (ends_with(n, ".jsonl") || ends_with(n, ".ndjson")) return InputFormat::kJsonl;
  if (ends_with(n, ".html") || ends_with(n, ".htm") || ends_with(n, ".xhtml"))
    return InputFormat::kHtml;
  if (ends_with(n, ".md") || ends_with(n, ".markdown")) return InputFormat::kMarkdown;
  if (ends_with(n, ".txt") || ends_with(n, ".text")) return InputFormat::kText;
  // Sniff the content.
  size_t i = 0;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
  const std::string start = lower(head.substr(i, 64));
  if (start.rfind("warc/", 0) == 0) return InputFormat::kWarc;
  if (start.rfind("<!doctype html", 0) == 0 || start.rfind("<html", 0) == 0 ||
      start.rfind("<head", 0) == 0 || start.rfind("<body", 0) == 0 || start.rfind("<?xml", 0) == 0 ||
      start.rfind("<!--", 0) == 0 || start.rfind("<meta", 0) == 0)
    return InputFormat::kHtml;
  if (!start.empty() && start[0] == '{') return InputFormat::kJsonl;
  return InputFormat::kMarkdown;
}

void read_bytes(std::string_view name, std::string_view bytes, const ReadOptions& options,
                const EmitFn& emit) {
  InputFormat format = options.format;
  // WARC files are read member by member by the WARC reader so that it can report offsets.
  if (format == InputFormat::kAuto && ends_with(lower(strip_gz(name)), ".warc"))
    format = InputFormat::kWarc;
  if (format == InputFormat::kWarc) {
    read_warc(name, bytes, emit);
    return;
  }
  if (is_gzip(bytes)) {
    GunzipResult gz = gunzip(bytes, options.max_input_bytes);
    if (format == InputFormat::kAuto) format = detect_format(name, gz.data.substr(0, 4096));
    if (format == InputFormat::kWarc) {
      read_warc(name, bytes, emit);
      return;
    }
    if (gz.ok) {
      read_one_format(format, name, gz.data, emit);
      return;
    }
    const std::string message = "gzip stream damaged at compressed byte offset " +
                                std::to_string(gz.error_offset) + ": " + gz.message;
    if (format == InputFormat::kJsonl) {
      read_jsonl(name, gz.data, emit);
      emit(error_document(name, std::string(name) + "@" + std::to_string(gz.error_offset),
                          message + "; documents after this point are lost"));
      return;
    }
    // A single-document format: code what was recovered and say it is incomplete.
    read_one_format(format, name, gz.data, [&](Document&& doc) {
      doc.add_error("ingest", message + "; the text is incomplete");
      emit(std::move(doc));
    });
    return;
  }
  if (bytes.size() > options.max_input_bytes) {
    emit(error_document(name, std::string(name),
                        "input of " + std::to_string(bytes.size()) + " bytes exceeds the limit of " +
                            std::to_string(options.max_input_bytes) + " bytes"));
    return;
  }
  if (format == InputFormat::kAuto) format = detect_format(name, bytes.substr(0, 4096));
  read_one_format(format, name, bytes, emit);
}

void read_path(const std::string& path, const ReadOptions& options, const EmitFn& emit) {
  if (path == "-") {
    std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    read_bytes("-", bytes, options, emit);
    return;
  }
  std::error_code ec;
  const fs::path p(path);
  if (fs::is_directory(p, ec)) {
    std::vector<fs::path> files;
    for (fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec),
         end;
         !ec && it != end; it.increment(ec)) {
      const std::string base = it->path().filename().string();
      if (!base.empty() && base[0] == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec) && has_known_extension(base)) files.push_back(it->path());
    }
    if (ec) emit(error_document(path, path, "cannot list directory: " + ec.message()));
    std::sort(files.begin(), files.end());
    for (const auto& f : files) read_path(f.string(), options, emit);
    return;
  }
  if (!fs::exists(p, ec)) {
    emit(error_document(path, path, "no such file or directory"));
    return;
  }
  std::string bytes, error;
  if (!read_file(p, &bytes, &error)) {
    emit(error_document(path, path, error));
    return;
  }
  read_bytes(path, bytes, options, emit);
}

}  // namespace casus::ingest
