package com.example.inventory;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class ReportTest {
    @Test
    public void totalsTheBundledStock() throws Exception {
        assertEquals(245, Report.total(Report.load()));
    }
}
