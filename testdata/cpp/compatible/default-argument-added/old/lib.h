#pragma once

namespace demo {

class Downloader {
public:
  Downloader();
  // Fetches url into the file at path, retrying up to max_retries times
  // on network errors.
  bool fetch(const char* url, const char* path, int max_retries);

private:
  void* session_;
};

}  // namespace demo
