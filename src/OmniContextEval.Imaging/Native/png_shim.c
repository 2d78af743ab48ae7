/* libpng reader: raw samples only. Pillow ignores gAMA, sBIT and friends and applies its own
 * conversions, so no libpng transformation is requested here; NativeCodecs.cs does Pillow's part. */
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include "omnictx_codecs.h"

typedef struct {
    const uint8_t *data;
    size_t size, pos;
    jmp_buf jump;
    char *message;
} png_session;

static void on_read(png_structp png, png_bytep out, size_t count)
{
    png_session *s = (png_session *)png_get_io_ptr(png);
    if (count > s->size - s->pos)
        png_error(png, "truncated file: the data ends inside a chunk");
    memcpy(out, s->data + s->pos, count);
    s->pos += count;
}

static void on_error(png_structp png, png_const_charp message)
{
    png_session *s = (png_session *)png_get_error_ptr(png);
    snprintf(s->message, OMC_MESSAGE_SIZE, "libpng: %s", message);
    longjmp(s->jump, 1);
}

static void on_warning(png_structp png, png_const_charp message)
{
    (void)png;
    (void)message;
}

static void read_header(png_structp png, png_infop info, omc_png_info *out)
{
    png_uint_32 width, height;
    int depth, color, interlace;
    png_read_info(png, info);
    png_get_IHDR(png, info, &width, &height, &depth, &color, &interlace, NULL, NULL);
    out->width = (int32_t)width;
    out->height = (int32_t)height;
    out->bit_depth = depth;
    out->color_type = color;
    out->interlaced = interlace != PNG_INTERLACE_NONE;
    out->channels = png_get_channels(png, info);
    out->row_bytes = (int64_t)png_get_rowbytes(png, info);

    png_colorp palette;
    int palette_count = 0;
    if (png_get_PLTE(png, info, &palette, &palette_count) & PNG_INFO_PLTE) {
        out->palette_count = palette_count;
        for (int i = 0; i < palette_count && i < 256; i++) {
            out->palette[3 * i] = palette[i].red;
            out->palette[3 * i + 1] = palette[i].green;
            out->palette[3 * i + 2] = palette[i].blue;
        }
    }
    png_bytep alpha;
    int trns_count = 0;
    png_color_16p trns_color;
    if (png_get_tRNS(png, info, &alpha, &trns_count, &trns_color) & PNG_INFO_tRNS) {
        if (color == PNG_COLOR_TYPE_PALETTE) {
            out->trns_count = trns_count > 256 ? 256 : trns_count;
            memcpy(out->trns_alpha, alpha, (size_t)out->trns_count);
        } else {
            out->has_trns_color = 1;
            out->trns_gray = trns_color->gray;
            out->trns_red = trns_color->red;
            out->trns_green = trns_color->green;
            out->trns_blue = trns_color->blue;
        }
    }
}

int omc_png_decode(const uint8_t *data, size_t size, omc_png_info *out, uint8_t *pixels, size_t pixels_size)
{
    memset(out, 0, sizeof *out);
    png_session s;
    memset(&s, 0, sizeof s);
    s.data = data;
    s.size = size;
    s.message = out->message;
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &s, on_error, on_warning);
    if (!png) {
        snprintf(out->message, OMC_MESSAGE_SIZE, "libpng: out of memory");
        return -1;
    }
    png_infop info = png_create_info_struct(png);
    if (!info || setjmp(s.jump)) {
        if (!info) snprintf(out->message, OMC_MESSAGE_SIZE, "libpng: out of memory");
        png_destroy_read_struct(&png, info ? &info : NULL, NULL);
        return -1;
    }
    /* The caller enforces its own pixel limit before asking for pixels; lift libpng's 1e6 side cap. */
    png_set_user_limits(png, 0x7fffffff, 0x7fffffff);
    png_set_read_fn(png, &s, on_read);
    read_header(png, info, out);
    if (pixels) {
        int passes = png_set_interlace_handling(png);
        png_read_update_info(png, info);
        size_t row_bytes = png_get_rowbytes(png, info);
        if (row_bytes != (size_t)out->row_bytes || pixels_size / row_bytes < (size_t)out->height)
            png_error(png, "pixel buffer too small");
        for (int pass = 0; pass < passes; pass++)
            for (png_uint_32 y = 0; y < (png_uint_32)out->height; y++)
                png_read_row(png, pixels + y * row_bytes, NULL);
    }
    png_destroy_read_struct(&png, &info, NULL);
    return 0;
}

size_t omc_png_info_size(void)
{
    return sizeof(omc_png_info);
}
