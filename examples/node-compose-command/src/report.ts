// Monthly report: prints one line for the month compose passes in (default May 2024).
import dayjs from "dayjs";

const month = dayjs(`${process.env.REPORT_MONTH ?? "2024-05"}-01`);
console.log(`REPORT-OK ${month.format("MMMM YYYY")} days=${month.daysInMonth()}`);
