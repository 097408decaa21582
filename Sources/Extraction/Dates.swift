/// Calendar arithmetic without Foundation's time zones: days since 1970-01-01 (proleptic Gregorian).
public enum CivilDate {
    public static func days(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }
    public static func date(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
    /// 1 = Sunday … 7 = Saturday.
    public static func weekday(_ days: Int) -> Int { ((days % 7 + 7 + 4) % 7) + 1 }
    public static func parse(_ s: String) -> ResolvedDate? {
        let p = s.split(separator: "-")
        guard p.count == 3, let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]), (1...12).contains(m), (1...31).contains(d) else { return nil }
        return ResolvedDate(year: y, month: m, day: d, status: "explicit")
    }
    static func make(_ days: Int, _ status: String) -> ResolvedDate {
        let (y, m, d) = date(days); return ResolvedDate(year: y, month: m, day: d, status: status)
    }

    /// Resolves a date expression against the article's reference date. Years left out ("Nov. 7") take the year that
    /// puts the date nearest the reference; weekdays ("on Thursday") are the latest such day on or before it.
    public static func resolve(_ e: DateExpr, reference: ResolvedDate?) -> ResolvedDate? {
        switch e {
        case let .full(y, m, d): return ResolvedDate(year: y, month: m, day: d, status: "explicit")
        case let .monthDay(m, d):
            guard let r = reference else { return nil }
            let rd = days(r.year, r.month, r.day)
            let best = [r.year - 1, r.year, r.year + 1].min { abs(days($0, m, d) - rd) < abs(days($1, m, d) - rd) } ?? r.year
            return ResolvedDate(year: best, month: m, day: d, status: r.status == "explicit" ? "explicit" : "inferred")
        case let .weekday(w):
            guard let r = reference else { return nil }
            let rd = days(r.year, r.month, r.day)
            let back = (weekday(rd) - w + 7) % 7
            return make(rd - back, r.status == "explicit" ? "relative" : "inferred")
        case .today:
            guard let r = reference else { return nil }
            return ResolvedDate(year: r.year, month: r.month, day: r.day, status: r.status == "explicit" ? "relative" : "inferred")
        case .yesterday:
            guard let r = reference else { return nil }
            return make(days(r.year, r.month, r.day) - 1, r.status == "explicit" ? "relative" : "inferred")
        }
    }
}
