/* libjpeg reader set up as Pillow's JpegDecode.c sets it up: output colour space from the component
 * count (grey, RGB, CMYK), libjpeg's default DCT and fancy upsampling, warnings ignored except the end
 * of data arriving early (even just the EOI marker), which Pillow reports as a truncated file. */
#include <stdio.h>
#include <setjmp.h>
#include <string.h>
#include <jpeglib.h>
#include <jerror.h>
#include "omnictx_codecs.h"

typedef struct {
    struct jpeg_error_mgr base;
    jmp_buf jump;
    int truncated;
} jpeg_session;

static void on_error_exit(j_common_ptr cinfo)
{
    jpeg_session *s = (jpeg_session *)cinfo->err;
    longjmp(s->jump, 1);
}

static void on_message(j_common_ptr cinfo, int level)
{
    jpeg_session *s = (jpeg_session *)cinfo->err;
    if (level < 0 && cinfo->err->msg_code == JWRN_JPEG_EOF)
        s->truncated = 1;
}

static int fail(j_decompress_ptr cinfo, omc_jpeg_info *out, const char *message)
{
    if (message)
        snprintf(out->message, OMC_MESSAGE_SIZE, "%s", message);
    jpeg_destroy_decompress(cinfo);
    return -1;
}

int omc_jpeg_decode(const uint8_t *data, size_t size, omc_jpeg_info *out, uint8_t *pixels, size_t pixels_size)
{
    struct jpeg_decompress_struct cinfo;
    jpeg_session s;
    memset(out, 0, sizeof *out);
    memset(&s, 0, sizeof s);
    cinfo.err = jpeg_std_error(&s.base);
    s.base.error_exit = on_error_exit;
    s.base.emit_message = on_message;
    if (setjmp(s.jump)) {
        char text[JMSG_LENGTH_MAX];
        (*cinfo.err->format_message)((j_common_ptr)&cinfo, text);
        snprintf(out->message, OMC_MESSAGE_SIZE, "libjpeg: %s", text);
        return fail(&cinfo, out, NULL);
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, data, (unsigned long)size);
    jpeg_read_header(&cinfo, TRUE);
    if (s.truncated)
        return fail(&cinfo, out, "truncated file: the data ends inside the header");
    out->width = (int32_t)cinfo.image_width;
    out->height = (int32_t)cinfo.image_height;
    out->components = cinfo.num_components;
    out->jpeg_color_space = cinfo.jpeg_color_space;
    out->progressive = cinfo.progressive_mode;
    switch (cinfo.num_components) {
    case 1: cinfo.out_color_space = JCS_GRAYSCALE; break;
    case 3: cinfo.out_color_space = JCS_RGB; break;
    case 4: cinfo.out_color_space = JCS_CMYK; break;
    default: {
        char text[64];
        snprintf(text, sizeof text, "cannot handle %d-layer images", cinfo.num_components);
        return fail(&cinfo, out, text);
    }
    }
    if (!pixels) {
        jpeg_destroy_decompress(&cinfo);
        return 0;
    }
    jpeg_start_decompress(&cinfo);
    size_t row_bytes = (size_t)cinfo.output_width * (size_t)cinfo.output_components;
    if (cinfo.output_width != cinfo.image_width || cinfo.output_height != cinfo.image_height
        || cinfo.output_components != out->components || pixels_size / row_bytes < cinfo.output_height)
        return fail(&cinfo, out, "pixel buffer does not match the decoded size");
    while (cinfo.output_scanline < cinfo.output_height && !s.truncated) {
        JSAMPROW row = pixels + (size_t)cinfo.output_scanline * row_bytes;
        jpeg_read_scanlines(&cinfo, &row, 1);
    }
    if (!s.truncated)
        jpeg_finish_decompress(&cinfo); /* reads up to EOI, as Pillow's decoder does before it reports success */
    if (s.truncated)
        return fail(&cinfo, out, "truncated file: the image data ends early");
    jpeg_destroy_decompress(&cinfo);
    return 0;
}

size_t omc_jpeg_info_size(void)
{
    return sizeof(omc_jpeg_info);
}
