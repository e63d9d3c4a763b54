#include "lib.h"

const char* last_error_text() {
  demo::ErrorCode code = demo::last_error();
  return demo::describe_error(code);
}
