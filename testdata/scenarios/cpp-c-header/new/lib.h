#ifndef DEMO_CODEC_H
#define DEMO_CODEC_H

#ifdef __cplusplus
extern "C" {
#endif

/* A C library's header, as most are written: everything inside extern "C". */
typedef struct {
  long width;
  long height;
} demo_size;

typedef enum { DEMO_OK, DEMO_AGAIN, DEMO_EOF, DEMO_ERROR } demo_status;

demo_status demo_decode(const unsigned char* data, demo_size* out, int flags);
extern long demo_verbosity;

#ifdef __cplusplus
}
#endif

#endif
