#include "lib.h"

int padded_bytes(const imaging::Decoder& decoder) {
  return imaging::stride(decoder.width()) * decoder.height();
}
