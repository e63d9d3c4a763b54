#include "lib.h"

bool mirror(const char* url) {
  if (!demo::connect("mirror.example.org")) return false;
  demo::Downloader downloader;
  return downloader.fetch(url, "/var/cache/mirror/latest");
}
