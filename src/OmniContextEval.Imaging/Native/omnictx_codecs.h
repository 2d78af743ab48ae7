/* The small C layer between the harness and libpng / libjpeg-turbo.
 * Both libraries report errors with longjmp, which must never cross a P/Invoke boundary, so every
 * setjmp lives here and each function returns 0 on success or -1 with a message. The layouts of the
 * structs below are mirrored in NativeCodecs.cs (OmniContextEval.Imaging.Codecs); change both together. */
#ifndef OMNICTX_CODECS_H
#define OMNICTX_CODECS_H

#include <stddef.h>
#include <stdint.h>

#define OMC_MESSAGE_SIZE 256

typedef struct {
    int32_t width, height, bit_depth, color_type, interlaced, channels;
    int64_t row_bytes;                 /* bytes per decoded row: samples at their native bit depth */
    int32_t palette_count;             /* PLTE entries, 0..256 */
    uint8_t palette[768];              /* RGB triples */
    int32_t trns_count;                /* tRNS alpha entries for palette images */
    uint8_t trns_alpha[256];
    int32_t has_trns_color;            /* tRNS single colour for grey / RGB images */
    uint16_t trns_gray, trns_red, trns_green, trns_blue;
    char message[OMC_MESSAGE_SIZE];
} omc_png_info;

typedef struct {
    int32_t width, height;
    int32_t components;                /* samples per output pixel: 1 grey, 3 RGB, 4 CMYK */
    int32_t jpeg_color_space;          /* libjpeg's J_COLOR_SPACE of the file */
    int32_t progressive;
    char message[OMC_MESSAGE_SIZE];
} omc_jpeg_info;

/* Reads the header into info; when pixels is not NULL also decodes every row (de-interlaced, no
 * transformations: samples as stored, 16-bit big-endian) into pixels, row_bytes * height bytes. */
int omc_png_decode(const uint8_t *data, size_t size, omc_png_info *info, uint8_t *pixels, size_t pixels_size);

/* Reads the header into info; when pixels is not NULL also decodes to grey, RGB or CMYK exactly as
 * Pillow's JPEG decoder asks libjpeg to (default DCT and upsampling), width * components per row. */
int omc_jpeg_decode(const uint8_t *data, size_t size, omc_jpeg_info *info, uint8_t *pixels, size_t pixels_size);

/* sizeof the structs above, so a test can check the C# mirrors. */
size_t omc_png_info_size(void);
size_t omc_jpeg_info_size(void);

#endif
