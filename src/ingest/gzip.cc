#include <zlib.h>

#include "ingest/ingest.h"

namespace casus::ingest {

bool is_gzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

GunzipResult gunzip(std::string_view bytes, size_t max_out) {
  GunzipResult result;
  size_t pos = 0;  // start of the current member in `bytes`
  char buffer[1 << 16];
  while (pos < bytes.size()) {
    if (!is_gzip(bytes.substr(pos))) {
      // Trailing garbage after a complete member: report it but keep what was decoded.
      result.ok = false;
      result.error_offset = pos;
      result.message = "data after the last gzip member is not gzip";
      return result;
    }
    z_stream zs{};
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) {
      result.ok = false;
      result.error_offset = pos;
      result.message = "cannot initialise zlib";
      return result;
    }
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + pos));
    zs.avail_in = static_cast<uInt>(std::min<size_t>(bytes.size() - pos, UINT32_MAX));
    int rc = Z_OK;
    while (rc == Z_OK) {
      zs.next_out = reinterpret_cast<Bytef*>(buffer);
      zs.avail_out = sizeof(buffer);
      rc = inflate(&zs, Z_NO_FLUSH);
      const size_t produced = sizeof(buffer) - zs.avail_out;
      if (result.data.size() + produced > max_out) {
        inflateEnd(&zs);
        result.ok = false;
        result.error_offset = pos;
        result.message = "decompressed size exceeds the limit of " + std::to_string(max_out) + " bytes";
        return result;
      }
      result.data.append(buffer, produced);
      if (rc == Z_BUF_ERROR && zs.avail_in == 0) break;  // input ended inside the member
      if (rc == Z_BUF_ERROR && produced > 0) rc = Z_OK;
    }
    const size_t consumed = bytes.size() - pos - zs.avail_in;
    inflateEnd(&zs);
    if (rc != Z_STREAM_END) {
      result.ok = false;
      result.error_offset = pos;
      result.message = rc == Z_DATA_ERROR ? "corrupt gzip data" : "truncated gzip stream";
      return result;
    }
    pos += consumed;
    if (consumed == 0) break;
  }
  return result;
}

}  // namespace casus::ingest
