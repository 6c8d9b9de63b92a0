/**
 * @file medins/common.h
 * @brief Export macro, C++ guards and the small value types every header uses.
 */
#ifndef MEDINS_COMMON_H
#define MEDINS_COMMON_H

#include <stddef.h>
#include <stdint.h>

/**
 * @def MEDINS_API
 * Marks a declaration as part of the library's interface: exported from the shared library
 * (the library is built with hidden visibility, so nothing else is).
 */
/**
 * @def MEDINS_BEGIN_DECLS
 * Opens the declarations of a header; gives them C linkage when included from C++.
 */
/**
 * @def MEDINS_END_DECLS
 * Closes what MEDINS_BEGIN_DECLS opened.
 */
#if defined(_WIN32) && defined(MEDINS_BUILDING)
#  define MEDINS_API __declspec(dllexport)
#elif defined(_WIN32)
#  define MEDINS_API __declspec(dllimport)
#elif defined(__GNUC__)
#  define MEDINS_API __attribute__((visibility("default")))
#else
#  define MEDINS_API
#endif

#ifdef __cplusplus
#  define MEDINS_BEGIN_DECLS extern "C" {
#  define MEDINS_END_DECLS }
#else
#  define MEDINS_BEGIN_DECLS
#  define MEDINS_END_DECLS
#endif

MEDINS_BEGIN_DECLS

/** An amount of money in fen (1 yuan = 100 fen). Never a floating-point value. */
typedef int64_t medins_fen;

/** A ratio in basis points: 10000 = 100%, 5500 = 55%. */
typedef int32_t medins_bp;

/** 100% in basis points. */
#define MEDINS_BP_ONE 10000

/**
 * The largest amount the library accepts as input, in fen (10^14 fen = one trillion yuan).
 * Any amount above it is refused with MEDINS_ERR_OVERFLOW, which keeps every internal product
 * (amount x ratio) far inside int64_t.
 */
#define MEDINS_FEN_MAX ((medins_fen)100000000000000LL)

/** A calendar date as the integer YYYYMMDD (20230115 is 15 January 2023). 0 means "none". */
typedef int32_t medins_date;

MEDINS_END_DECLS

#endif
