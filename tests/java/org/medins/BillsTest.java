package org.medins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Itemised bills ({@link Policy#settleItems}) and the platform's records ({@link
 * Result#setlinfo()}, {@link Result#setldetail()}, {@link Result#items()}) on
 * tests/data/settle/basic.yaml (its bills.selfpay_prop is 10%). The hand-worked bill of
 * tests/check_bill.c (the working is there), in fen: an employee's first admission at level 3
 * on 2023-03-01 with 500 yuan in the account.
 *   line 1  甲 50.00 x 10, ceiling 40.00: 10000 over the ceiling, 40000 in scope
 *   line 2  乙 1234.57 at 15%: 18519 first self-pay, 104938 in scope
 *   line 3  乙 33.33 x 1.5 -> 5000, ceiling 30.00: 500 over, 450 first self-pay (the policy's
 *           10% of 4500), 4050 in scope
 *   line 4  自费 88.00 x 2: 17600 self-paid
 *   line 5  甲 8000.00: 800000 in scope
 *   deductible 100000; the fund (948988 - 100000) x 80% = 679190; patient 316867: account
 *   50000, cash 266867.
 */
public class BillsTest {
    private static Policy basic;

    private static final List<Item> BILL = List.of(
            Item.ofPrice("250101001", "床位费", 1, 5000, 100_000).withCeiling(4000),
            Item.ofAmount("86900001", "注射用头孢曲松钠", 2, 123_457).withSelfpayProp(1500),
            Item.ofPrice("86900002", "一次性输液器", 2, 3333, 15_000).withCeiling(3000),
            Item.ofPrice("ZF0001", "营养餐", 3, 8800, 20_000),
            Item.ofAmount("310000001", "手术费", 1, 800_000));

    @BeforeClass
    public static void open() {
        Path file = TestSupport.path("medins.test.data").resolve("settle").resolve("basic.yaml");
        basic = Policy.load(file);
    }

    @AfterClass
    public static void close() {
        basic.close();
    }

    private static Claim claim() {
        return Claim.builder().date(LocalDate.of(2023, 3, 1)).kind(ClaimKind.INPATIENT)
                .level(Level.L3).build();
    }

    private static Person person() {
        return Person.employee(Category.IN_SERVICE, LocalDate.of(1980, 1, 1));
    }

    @Test
    public void aHandWorkedBill() {
        Ledger ledger = new Ledger(2023);
        ledger.setAccountBalance(50_000);
        try (Result r = basic.settleItems(person(), claim(), BILL, ledger, true)) {
            Settlement s = r.settlement();
            assertEquals(996_057L, s.total());
            assertEquals(679_190L, s.fund());
            assertEquals(316_867L, s.patient());
            assertEquals(0L, ledger.accountBalance());
            assertEquals(new SetlInfo(996_057, 17_600, 10_500, 18_969, 948_988, 100_000,
                    679_190, 8000, 0, 0, 0, 0, 0, 0, 679_190, 316_867, 50_000, 266_867, 0, 0, 0),
                    r.setlinfo());
            List<SetlDetail> rows = r.setldetail();
            assertEquals(2, rows.size());
            SetlDetail fund = rows.get(0);
            assertEquals(List.of("310100", "职工基本医疗保险统筹基金"),
                    List.of(fund.fund_pay_type(), fund.fund_pay_type_name()));
            assertEquals(List.of(948_988L, 35_000_000L, 679_190L),
                    List.of(fund.inscp_scp_amt(), fund.crt_payb_lmt_amt(), fund.fund_payamt()));
            assertEquals(Part.FUND, fund.part());
            assertTrue(fund.setl_proc_info(), fund.setl_proc_info().startsWith(
                    "目录外项目（自费），由个人全额负担：176.00元；超出限价部分，由个人全额负担：105.00元；"));
            SetlDetail account = rows.get(1);
            assertEquals(List.of("310200", 269_798L, 50_000L, 50_000L),
                    List.of(account.fund_pay_type(), account.inscp_scp_amt(),
                            account.crt_payb_lmt_amt(), account.fund_payamt()));
            assertEquals(List.of(
                    new ItemSplit("250101001", "床位费", 50_000, 0, 10_000, 0, 40_000, 0, 1),
                    new ItemSplit("86900001", "注射用头孢曲松钠", 123_457, 0, 0, 18_519, 104_938,
                            1500, 2),
                    new ItemSplit("86900002", "一次性输液器", 5000, 0, 500, 450, 4050, 1000, 2),
                    new ItemSplit("ZF0001", "营养餐", 17_600, 17_600, 0, 0, 0, 10_000, 3),
                    new ItemSplit("310000001", "手术费", 800_000, 0, 0, 0, 800_000, 0, 1)),
                    r.items());
        }
    }

    @Test
    public void aClaimByItsTotalsHasNoLines() {
        Claim c = Claim.builder().date(LocalDate.of(2023, 3, 1)).kind(ClaimKind.INPATIENT)
                .level(Level.L3).total(996_057).selfPaid(28_100).categoryB(18_969).build();
        try (Result r = basic.settle(person(), c, new Ledger(2023))) {
            assertEquals(List.of(), r.items());
            assertEquals(679_190L, r.setlinfo().hifp_pay());
            assertEquals(28_100L, r.setlinfo().fulamt_ownpay_amt());
        }
    }

    @Test
    public void badLines() {
        Ledger ledger = new Ledger(2023);
        String before = ledger.toText();
        List<Item> lv = List.of(Item.ofAmount("B2", "x", 4, 100));
        MedinsException e = assertThrows(MedinsException.class,
                () -> basic.settleItems(person(), claim(), lv, ledger, true));
        assertEquals(Status.CLAIM, e.status());
        assertTrue(e.getMessage(), e.getMessage().contains(
                "item 1 (B2): chrgitm_lv 4 is not 1 (甲类), 2 (乙类) or 3 (自费)"));
        List<Item> nul = List.of(Item.ofAmount("A1", "床\0位", 1, 100));
        e = assertThrows(MedinsException.class,
                () -> basic.settleItems(person(), claim(), nul, ledger, true));
        assertEquals(Status.SYNTAX, e.status());
        assertTrue(e.getMessage(), e.getMessage().contains("item 1: its name has a NUL byte"));
        List<Item> negative = List.of(Item.ofPrice("A1", "x", 1, 100, -10_000));
        e = assertThrows(MedinsException.class,
                () -> basic.settleItems(person(), claim(), negative, ledger, true));
        assertTrue(e.getMessage(), e.getMessage().contains("item 1 (A1): a negative quantity"));
        assertEquals(before, ledger.toText());
        assertThrows(NullPointerException.class,
                () -> basic.settleItems(person(), claim(), null, ledger, true));
    }
}
