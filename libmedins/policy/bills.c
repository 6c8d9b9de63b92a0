/*
 * Binding the `bills:` section into the model of bills.h (compute/bill.c splits the fee lines
 * of a bill with it).
 */
#include "bills.h"
#include "bind.h"

int mdn_bind_bills(mdn_binder *b, medins_section section, const mdn_node *node)
{
    (void)section;
    static const char *const keys[] = {"selfpay_prop", NULL};
    struct mdn_bills *m = mdn_bind_alloc(b, sizeof *m);
    if (!m)
        return MEDINS_ERR_NOMEM;
    int rc = mdn_bind_keys(b, node, 0, keys);
    if (rc == 0)
        rc = mdn_bind_ratio(b, node, "selfpay_prop", false, &m->selfpay_prop);
    if (rc == 0)
        b->policy->bills = m;
    return rc;
}
