/*
 * Rendering a trace (render.c), for the lines (lines.c) and the public calls.
 */
#ifndef MEDINS_EXPLAIN_RENDER_H
#define MEDINS_EXPLAIN_RENDER_H

#include "catalogue.h"

/*
 * The text of step `st` in `lang` into buf, as snprintf: *needed (may be NULL) receives the
 * bytes the text takes with its NUL; when size is smaller, buf holds as much as fits with a NUL
 * (nothing when size is 0) and MEDINS_ERR_BUFFER is returned. MEDINS_ERR_ARGUMENT when the
 * catalogue has no text for it.
 */
int mdn_render_step(char *buf, size_t size, size_t *needed, const medins_step *st,
                    medins_lang lang);

#endif
