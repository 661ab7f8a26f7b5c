// gzip decompression with libdeflate: the uncompressed size comes from the gzip trailer.
#include "catalog/gunzip.h"

#include <libdeflate.h>

#include <memory>

namespace iamwarden::catalog {

Result<std::string> gunzip(std::string_view compressed, std::string_view what) {
  auto fail = [&](std::string_view why) {
    return Error{ErrorCode::kInvalidInput, std::string(what) + ": " + std::string(why), {}, ""};
  };
  if (compressed.size() < 18 || static_cast<unsigned char>(compressed[0]) != 0x1f ||
      static_cast<unsigned char>(compressed[1]) != 0x8b)
    return fail("not a gzip file");
  const auto* tail = reinterpret_cast<const unsigned char*>(compressed.data() + compressed.size() - 4);
  const size_t size = size_t{tail[0]} | size_t{tail[1]} << 8 | size_t{tail[2]} << 16 | size_t{tail[3]} << 24;
  // The trailer holds the size modulo 2^32; our data files are far below the cap.
  constexpr size_t kMaxSize = size_t{512} << 20;
  if (size > kMaxSize) return fail("uncompressed size too large");
  std::unique_ptr<libdeflate_decompressor, decltype(&libdeflate_free_decompressor)> decompressor(
      libdeflate_alloc_decompressor(), &libdeflate_free_decompressor);
  if (!decompressor) return fail("out of memory");
  std::string out(size, '\0');
  size_t actual = 0;
  libdeflate_result r = libdeflate_gzip_decompress(decompressor.get(), compressed.data(), compressed.size(),
                                                   out.data(), out.size(), &actual);
  if (r != LIBDEFLATE_SUCCESS) return fail("corrupt gzip data");
  out.resize(actual);
  return out;
}

}  // namespace iamwarden::catalog
