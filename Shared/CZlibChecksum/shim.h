#ifndef NQ57_CZLIB_CHECKSUM_SHIM_H
#define NQ57_CZLIB_CHECKSUM_SHIM_H
// zlib, for its CRC-32 only (the checksum S3 uploads carry). ZIPFoundation already needs zlib.
#include <zlib.h>
#endif
