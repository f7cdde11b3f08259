#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "eval/eval.h"

namespace casus::eval {

std::string find_shared_data() {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (const char* env = std::getenv("CASUS_DATA"); env && *env) {
    if (fs::is_directory(env, ec)) return env;
  }
  if (fs::is_directory("../shared/data", ec)) return fs::absolute("../shared/data", ec).string();
  char exe[4096];
  const ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
  if (n > 0) {
    exe[n] = '\0';
    const fs::path candidate = fs::path(exe).parent_path() / ".." / ".." / "shared" / "data";
    if (fs::is_directory(candidate, ec)) return fs::weakly_canonical(candidate, ec).string();
  }
  return "";
}

}  // namespace casus::eval
