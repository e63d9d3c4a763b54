#pragma once

namespace demo {

// Built with -DDEMO_WIDE_IDS, ids are 64-bit.
#ifdef DEMO_WIDE_IDS
typedef unsigned long long id_t;
#else
typedef int id_t;
#endif

struct Record {
  id_t id;
  int flags;
};

}  // namespace demo
