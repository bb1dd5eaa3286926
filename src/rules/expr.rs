//! The check expression language: `exports + imports == total`, `nev / cars == share`,
//! `m0 <= m1 <= m2`.
//!
//! Grammar: a chain of comparisons (`== != < <= > >=`) between sums; sums of products with
//! `+ - * /`, unary minus, parentheses, fact names and decimal literals (`181`, `100%`).
//! Expressions are typed by dimension when the rule is loaded: 元 + 辆 is a rule error, a ratio of
//! two amounts compares with a percent, and % never meets 百分点 except as `rate ± pp`.

use rust_decimal::Decimal;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Add,
    Sub,
    Mul,
    Div,
}

impl Op {
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Add => "+",
            Op::Sub => "-",
            Op::Mul => "×",
            Op::Div => "/",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Cmp {
    pub fn symbol(self) -> &'static str {
        match self {
            Cmp::Eq => "=",
            Cmp::Ne => "≠",
            Cmp::Lt => "<",
            Cmp::Le => "≤",
            Cmp::Gt => ">",
            Cmp::Ge => "≥",
        }
    }

    /// The symbol that says the comparison failed.
    pub fn negated_symbol(self) -> &'static str {
        match self {
            Cmp::Eq => "≠",
            Cmp::Ne => "=",
            Cmp::Lt => "≥",
            Cmp::Le => ">",
            Cmp::Gt => "≤",
            Cmp::Ge => "<",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Num {
        value: Decimal,
        span: Range<usize>,
    },
    Fact {
        name: String,
        span: Range<usize>,
    },
    Neg {
        inner: Box<Expr>,
        span: Range<usize>,
    },
    Bin {
        op: Op,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
        span: Range<usize>,
    },
}

impl Expr {
    pub fn span(&self) -> Range<usize> {
        match self {
            Expr::Num { span, .. }
            | Expr::Fact { span, .. }
            | Expr::Neg { span, .. }
            | Expr::Bin { span, .. } => span.clone(),
        }
    }

    /// Fact names in order of appearance.
    pub fn facts<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Expr::Num { .. } => {}
            Expr::Fact { name, .. } => out.push(name),
            Expr::Neg { inner, .. } => inner.facts(out),
            Expr::Bin { lhs, rhs, .. } => {
                lhs.facts(out);
                rhs.facts(out);
            }
        }
    }
}

/// A chain of comparisons: `operands[0] cmp[0] operands[1] cmp[1] operands[2] …`.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub operands: Vec<Expr>,
    pub comparators: Vec<Cmp>,
}

impl Check {
    pub fn facts(&self) -> Vec<&str> {
        let mut out = Vec::new();
        for e in &self.operands {
            e.facts(&mut out);
        }
        out
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExprError {
    pub span: Range<usize>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(Decimal),
    Ident(String),
    Op(Op),
    Cmp(Cmp),
    LParen,
    RParen,
}

fn tokenize(src: &str) -> Result<Vec<(Tok, Range<usize>)>, ExprError> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = src.char_indices().collect();
    let mut k = 0;
    let end_of = |k: usize| chars.get(k).map_or(src.len(), |&(b, _)| b);
    while k < chars.len() {
        let (b, c) = chars[k];
        if c.is_whitespace() {
            k += 1;
            continue;
        }
        let two: String = chars[k..].iter().take(2).map(|&(_, c)| c).collect();
        let (tok, len) = match two.as_str() {
            "==" => (Tok::Cmp(Cmp::Eq), 2),
            "!=" => (Tok::Cmp(Cmp::Ne), 2),
            "<=" => (Tok::Cmp(Cmp::Le), 2),
            ">=" => (Tok::Cmp(Cmp::Ge), 2),
            _ => match c {
                '<' => (Tok::Cmp(Cmp::Lt), 1),
                '>' => (Tok::Cmp(Cmp::Gt), 1),
                '+' => (Tok::Op(Op::Add), 1),
                '-' | '−' => (Tok::Op(Op::Sub), 1),
                '*' | '×' => (Tok::Op(Op::Mul), 1),
                '/' | '÷' => (Tok::Op(Op::Div), 1),
                '(' => (Tok::LParen, 1),
                ')' => (Tok::RParen, 1),
                '=' => {
                    return Err(ExprError {
                        span: b..b + 1,
                        message: "`=` is not a comparison; write `==`".into(),
                    })
                }
                d if d.is_ascii_digit() => {
                    let mut j = k;
                    while j < chars.len() && (chars[j].1.is_ascii_digit() || chars[j].1 == '.') {
                        j += 1;
                    }
                    let text = &src[b..end_of(j)];
                    let mut value = Decimal::from_str_exact(text).map_err(|_| ExprError {
                        span: b..end_of(j),
                        message: format!("`{text}` is not a number"),
                    })?;
                    if chars.get(j).is_some_and(|&(_, c)| c == '%') {
                        value /= Decimal::ONE_HUNDRED;
                        j += 1;
                    }
                    out.push((Tok::Num(value), b..end_of(j)));
                    k = j;
                    continue;
                }
                a if a.is_alphabetic() || a == '_' => {
                    let mut j = k;
                    while j < chars.len() && (chars[j].1.is_alphanumeric() || chars[j].1 == '_') {
                        j += 1;
                    }
                    out.push((Tok::Ident(src[b..end_of(j)].to_string()), b..end_of(j)));
                    k = j;
                    continue;
                }
                other => {
                    return Err(ExprError {
                        span: b..b + other.len_utf8(),
                        message: format!("unexpected `{other}` in check"),
                    })
                }
            },
        };
        out.push((tok, b..end_of(k + len)));
        k += len;
    }
    Ok(out)
}

struct Parser {
    toks: Vec<(Tok, Range<usize>)>,
    pos: usize,
    end: usize,
    depth: usize,
}

const MAX_DEPTH: usize = 64;

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|(t, _)| t)
    }

    fn span_here(&self) -> Range<usize> {
        self.toks
            .get(self.pos)
            .map_or(self.end..self.end, |(_, s)| s.clone())
    }

    fn sum(&mut self) -> Result<Expr, ExprError> {
        let mut lhs = self.product()?;
        while let Some(Tok::Op(op @ (Op::Add | Op::Sub))) = self.peek().cloned() {
            self.pos += 1;
            let rhs = self.product()?;
            let span = lhs.span().start..rhs.span().end;
            lhs = Expr::Bin {
                op,
                lhs: Box::new(lhs),
                rhs: Box::new(rhs),
                span,
            };
        }
        Ok(lhs)
    }

    fn product(&mut self) -> Result<Expr, ExprError> {
        let mut lhs = self.unary()?;
        while let Some(Tok::Op(op @ (Op::Mul | Op::Div))) = self.peek().cloned() {
            self.pos += 1;
            let rhs = self.unary()?;
            let span = lhs.span().start..rhs.span().end;
            lhs = Expr::Bin {
                op,
                lhs: Box::new(lhs),
                rhs: Box::new(rhs),
                span,
            };
        }
        Ok(lhs)
    }

    fn unary(&mut self) -> Result<Expr, ExprError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(ExprError {
                span: self.span_here(),
                message: format!("check nests deeper than {MAX_DEPTH} levels"),
            });
        }
        let result = self.unary_inner();
        self.depth -= 1;
        result
    }

    fn unary_inner(&mut self) -> Result<Expr, ExprError> {
        let span = self.span_here();
        match self.peek().cloned() {
            Some(Tok::Op(Op::Sub)) => {
                self.pos += 1;
                let inner = self.unary()?;
                let span = span.start..inner.span().end;
                Ok(Expr::Neg {
                    inner: Box::new(inner),
                    span,
                })
            }
            Some(Tok::Num(value)) => {
                self.pos += 1;
                Ok(Expr::Num { value, span })
            }
            Some(Tok::Ident(name)) => {
                self.pos += 1;
                Ok(Expr::Fact { name, span })
            }
            Some(Tok::LParen) => {
                self.pos += 1;
                let inner = self.sum()?;
                match self.peek() {
                    Some(Tok::RParen) => {
                        self.pos += 1;
                        Ok(inner)
                    }
                    _ => Err(ExprError {
                        span: self.span_here(),
                        message: "expected `)`".into(),
                    }),
                }
            }
            _ => Err(ExprError {
                span,
                message: "expected a fact name, a number or `(`".into(),
            }),
        }
    }
}

/// Parses a check: at least one comparison.
pub fn parse(src: &str) -> Result<Check, ExprError> {
    let toks = tokenize(src)?;
    let mut p = Parser {
        toks,
        pos: 0,
        end: src.len(),
        depth: 0,
    };
    let mut operands = vec![p.sum()?];
    let mut comparators = Vec::new();
    while let Some(Tok::Cmp(c)) = p.peek().cloned() {
        p.pos += 1;
        comparators.push(c);
        operands.push(p.sum()?);
    }
    if p.pos < p.toks.len() {
        return Err(ExprError {
            span: p.span_here(),
            message: "unexpected token; expected an operator or a comparison".into(),
        });
    }
    if comparators.is_empty() {
        return Err(ExprError {
            span: 0..src.len(),
            message: "a check must compare: use `==`, `<=`, `<`, `>=`, `>` or `!=`".into(),
        });
    }
    Ok(Check {
        operands,
        comparators,
    })
}

/// The dimension of a value in a check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    Money,
    Count,
    Physical,
    Duration,
    /// Dimensionless: percents, multiples, ratios of like quantities, literals.
    Ratio,
    /// Percentage points: differences of rates.
    Pp,
    /// `{figure}`: known only when bound.
    Any,
}

impl Ty {
    fn name(self) -> &'static str {
        match self {
            Ty::Money => "an amount of money",
            Ty::Count => "a count",
            Ty::Physical => "a physical quantity",
            Ty::Duration => "a duration",
            Ty::Ratio => "a ratio or percent",
            Ty::Pp => "percentage points",
            Ty::Any => "any figure",
        }
    }
}

/// Types an expression; `ty_of` gives each fact's type.
pub fn type_of(e: &Expr, ty_of: &dyn Fn(&str) -> Option<Ty>) -> Result<Ty, ExprError> {
    match e {
        Expr::Num { .. } => Ok(Ty::Ratio),
        Expr::Fact { name, span } => ty_of(name).ok_or_else(|| ExprError {
            span: span.clone(),
            message: format!("unknown fact `{name}`"),
        }),
        Expr::Neg { inner, .. } => type_of(inner, ty_of),
        Expr::Bin { op, lhs, rhs, span } => {
            let a = type_of(lhs, ty_of)?;
            let b = type_of(rhs, ty_of)?;
            combine(*op, a, b).ok_or_else(|| ExprError {
                span: span.clone(),
                message: format!("cannot {} {} and {}", verb(*op), a.name(), b.name()),
            })
        }
    }
}

fn verb(op: Op) -> &'static str {
    match op {
        Op::Add => "add",
        Op::Sub => "subtract",
        Op::Mul => "multiply",
        Op::Div => "divide",
    }
}

/// The dimension of `a op b`, or `None` when the operation mixes dimensions.
pub fn combine(op: Op, a: Ty, b: Ty) -> Option<Ty> {
    use Ty::*;
    if a == Any || b == Any {
        return Some(if a == Any { b } else { a });
    }
    match op {
        Op::Add => match (a, b) {
            (Ratio, Pp) | (Pp, Ratio) => Some(Ratio),
            _ if a == b => Some(a),
            _ => None,
        },
        Op::Sub => match (a, b) {
            (Ratio, Ratio) => Some(Pp),
            (Ratio, Pp) => Some(Ratio),
            _ if a == b => Some(a),
            _ => None,
        },
        Op::Mul => match (a, b) {
            (Ratio, x) | (x, Ratio) => Some(x),
            _ => None,
        },
        Op::Div => match (a, b) {
            _ if a == b => Some(Ratio),
            (x, Ratio) => Some(x),
            // Per-capita and per-day averages: 元 / 人次, 件 / 天.
            (Money | Count | Physical, Count | Duration) => Some(a),
            _ => None,
        },
    }
}

/// Whether two sides of a comparison may be compared.
pub fn comparable(a: Ty, b: Ty) -> bool {
    a == b || a == Ty::Any || b == Ty::Any
}

/// Types a whole check; the error points at the offending part.
pub fn type_check(check: &Check, ty_of: &dyn Fn(&str) -> Option<Ty>) -> Result<(), ExprError> {
    let tys: Vec<Ty> = check
        .operands
        .iter()
        .map(|e| type_of(e, ty_of))
        .collect::<Result<_, _>>()?;
    for (i, pair) in tys.windows(2).enumerate() {
        if !comparable(pair[0], pair[1]) {
            let (l, r) = (&check.operands[i], &check.operands[i + 1]);
            return Err(ExprError {
                span: l.span().start..r.span().end,
                message: format!("cannot compare {} with {}", pair[0].name(), pair[1].name()),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ty(name: &str) -> Option<Ty> {
        Some(match name {
            "exports" | "imports" | "total" => Ty::Money,
            "cars" | "nev" => Ty::Count,
            "share" | "q1" | "q2" => Ty::Ratio,
            "delta" => Ty::Pp,
            _ => return None,
        })
    }

    #[test]
    fn parses_chains_and_precedence() {
        let c = parse("exports + imports * 2 == total").unwrap();
        assert_eq!(c.comparators, vec![Cmp::Eq]);
        match &c.operands[0] {
            Expr::Bin {
                op: Op::Add, rhs, ..
            } => assert!(matches!(**rhs, Expr::Bin { op: Op::Mul, .. })),
            other => panic!("{other:?}"),
        }
        let c = parse("a <= b <= c").unwrap();
        assert_eq!(c.operands.len(), 3);
        assert_eq!(
            parse("x == 60%").unwrap().operands[1],
            Expr::Num {
                value: Decimal::new(6, 1),
                span: 5..8
            }
        );
    }

    #[test]
    fn reports_errors_with_spans() {
        assert_eq!(parse("a = b").unwrap_err().span, 2..3);
        assert_eq!(parse("a + == b").unwrap_err().span, 4..6);
        assert!(parse("a + b").unwrap_err().message.contains("must compare"));
        assert_eq!(parse("(a + b == c").unwrap_err().message, "expected `)`");
        assert!(parse(&"(".repeat(10_000)).is_err());
    }

    #[test]
    fn dimensions_are_checked() {
        assert!(type_check(&parse("exports + imports == total").unwrap(), &ty).is_ok());
        assert!(type_check(&parse("nev / cars == share").unwrap(), &ty).is_ok());
        assert!(type_check(&parse("q2 - q1 == delta").unwrap(), &ty).is_ok());
        assert!(type_check(&parse("q2 - delta == q1").unwrap(), &ty).is_ok());
        let e = type_check(&parse("exports + cars == total").unwrap(), &ty).unwrap_err();
        assert_eq!(e.span, 0..14);
        assert!(type_check(&parse("share == delta").unwrap(), &ty).is_err());
        assert!(type_check(&parse("exports == share").unwrap(), &ty).is_err());
        let e = type_check(&parse("exports == nope").unwrap(), &ty).unwrap_err();
        assert_eq!(
            (e.span, e.message.as_str()),
            (11..15, "unknown fact `nope`")
        );
    }
}
