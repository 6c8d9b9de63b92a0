/**
 * @file medins.h
 * @brief libmedins: Chinese basic medical-insurance benefits, exact to the fen.
 *
 * Include this umbrella header, or the per-concept headers under medins/.
 */
#ifndef MEDINS_H
#define MEDINS_H

#include "medins/common.h"
#include "medins/version.h"
#include "medins/errors.h"
#include "medins/money.h"
#include "medins/policy.h"
#include "medins/person.h"
#include "medins/ledger.h"
#include "medins/result.h"
#include "medins/settle.h"
#include "medins/record.h"
#include "medins/bill.h"
#include "medins/nhsa.h"
#include "medins/batch.h"
#include "medins/contribution.h"
#include "medins/maternity.h"
#include "medins/capitation.h"
#include "medins/layout.h"
#include "medins/explain.h"
#include "medins/population.h"

#endif
