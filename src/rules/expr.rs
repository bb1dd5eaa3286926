//! The check expression language: `exports + imports == total`, `nev / cars == share`,
//! `m0 <= m1 <= m2`.
//!
//! Grammar: a chain of comparisons (`== != < <= > >=`) between sums; sums of products with
//! `+ - * /`, unary minus, parentheses, fact names and decimal literals (`181`, `100%`).
//! Expressions are typed by dimension when the rule is loaded: 元 + 辆 is a rule error, a ratio of
//! two amounts compares with a percent, and % never meets 百分点 except as `rate ± pp`.

use crate::families::{self, Function};
pub use crate::value::{comparable, Ty, Type};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Expr {
    Num {
        value: Decimal,
        span: Range<usize>,
    },
    Fact {
        name: String,
        span: Range<usize>,
    },
    /// `fact.capture`: the text a named group of the fact's pattern captured.
    Capture {
        fact: String,
        name: String,
        span: Range<usize>,
    },
    /// `between(x, a, b)`, `sum(items)`, `days(total.period)`, ….
    Call {
        callee: Callee,
        args: Vec<Expr>,
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
            | Expr::Capture { span, .. }
            | Expr::Call { span, .. }
            | Expr::Neg { span, .. }
            | Expr::Bin { span, .. } => span.clone(),
        }
    }

    /// Fact names in order of appearance.
    pub fn facts<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Expr::Num { .. } => {}
            Expr::Fact { name, .. } => out.push(name),
            Expr::Capture { fact, .. } => out.push(fact),
            Expr::Call { args, .. } => {
                for a in args {
                    a.facts(out);
                }
            }
            Expr::Neg { inner, .. } => inner.facts(out),
            Expr::Bin { lhs, rhs, .. } => {
                lhs.facts(out);
                rhs.facts(out);
            }
        }
    }
}

/// The function a call names, looked up once, when the check is parsed (or read from the
/// compiled pack): evaluating a call never searches for its function. `None` when no family
/// has a function of that name, which the type checker reports.
#[derive(Clone)]
pub struct Callee {
    name: String,
    function: Option<&'static Function>,
}

impl Callee {
    pub fn new(name: String) -> Self {
        let function = families::function(&name);
        Self { name, function }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The function called, if there is one of that name.
    pub fn resolved(&self) -> Option<&'static Function> {
        self.function
    }
}

/// The name decides the function.
impl PartialEq for Callee {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl std::fmt::Debug for Callee {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&self.name, f)
    }
}

/// Stored as its name, exactly as a `String` is (the pack's layout is unchanged).
impl Serialize for Callee {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.name)
    }
}

/// Read as its name and looked up again.
impl<'de> Deserialize<'de> for Callee {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self::new)
    }
}

/// A chain of comparisons: `operands[0] cmp[0] operands[1] cmp[1] operands[2] …`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    Comma,
    Dot,
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
                ',' => (Tok::Comma, 1),
                '.' => (Tok::Dot, 1),
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
        self.left_assoc(&[Op::Add, Op::Sub], Self::product)
    }

    fn product(&mut self) -> Result<Expr, ExprError> {
        self.left_assoc(&[Op::Mul, Op::Div], Self::unary)
    }

    /// `operand (op operand)*`, left-associative, for the operators of one precedence level.
    fn left_assoc(
        &mut self,
        ops: &[Op],
        operand: fn(&mut Self) -> Result<Expr, ExprError>,
    ) -> Result<Expr, ExprError> {
        let mut lhs = operand(self)?;
        while let Some(Tok::Op(op)) = self.peek().cloned() {
            if !ops.contains(&op) {
                break;
            }
            self.pos += 1;
            let rhs = operand(self)?;
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
                match self.peek() {
                    Some(Tok::LParen) => {
                        self.pos += 1;
                        let mut args = Vec::new();
                        if self.peek() != Some(&Tok::RParen) {
                            loop {
                                args.push(self.sum()?);
                                match self.peek() {
                                    Some(Tok::Comma) => self.pos += 1,
                                    _ => break,
                                }
                            }
                        }
                        let end = self.span_here();
                        match self.peek() {
                            Some(Tok::RParen) => self.pos += 1,
                            _ => {
                                return Err(ExprError {
                                    span: end,
                                    message: "expected `,` or `)`".into(),
                                })
                            }
                        }
                        Ok(Expr::Call {
                            callee: Callee::new(name),
                            args,
                            span: span.start..end.end,
                        })
                    }
                    Some(Tok::Dot) => {
                        self.pos += 1;
                        let cap_span = self.span_here();
                        match self.peek().cloned() {
                            Some(Tok::Ident(capture)) => {
                                self.pos += 1;
                                Ok(Expr::Capture {
                                    fact: name,
                                    name: capture,
                                    span: span.start..cap_span.end,
                                })
                            }
                            _ => Err(ExprError {
                                span: cap_span,
                                message: "expected a capture name after `.`".into(),
                            }),
                        }
                    }
                    _ => Ok(Expr::Fact { name, span }),
                }
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
    if comparators.is_empty() && !matches!(operands[0], Expr::Call { .. }) {
        return Err(ExprError {
            span: 0..src.len(),
            message: "a check must compare (`==`, `<=`, `<`, `>=`, `>`, `!=`) or call a predicate such as `between(…)`".into(),
        });
    }
    Ok(Check {
        operands,
        comparators,
    })
}

/// What the type checker knows about a rule's facts.
pub trait Env {
    /// The type of a fact, if the rule has it.
    fn fact(&self, name: &str) -> Option<Type>;
    /// Whether the fact's pattern has a capture group of that name.
    fn has_capture(&self, fact: &str, capture: &str) -> bool;
}

/// Types an expression.
pub fn type_of(e: &Expr, env: &dyn Env) -> Result<Type, ExprError> {
    match e {
        Expr::Num { .. } => Ok(Type::scalar(Ty::Ratio)),
        Expr::Fact { name, span } => env.fact(name).ok_or_else(|| ExprError {
            span: span.clone(),
            message: format!("unknown fact `{name}`"),
        }),
        Expr::Capture { fact, name, span } => {
            if env.fact(fact).is_none() {
                return Err(ExprError {
                    span: span.clone(),
                    message: format!("unknown fact `{fact}`"),
                });
            }
            if !env.has_capture(fact, name) {
                return Err(ExprError {
                    span: span.clone(),
                    message: format!("the pattern of `{fact}` has no capture named `{name}`"),
                });
            }
            // A list fact captures once per figure.
            Ok(Type {
                ty: Ty::Text,
                list: env.fact(fact).is_some_and(|t| t.list),
            })
        }
        Expr::Neg { inner, span } => {
            let t = type_of(inner, env)?;
            if t.list || !t.ty.is_numeric() {
                return Err(ExprError {
                    span: span.clone(),
                    message: format!("cannot negate {}", t.describe()),
                });
            }
            Ok(t)
        }
        Expr::Bin { op, lhs, rhs, span } => {
            let a = type_of(lhs, env)?;
            let b = type_of(rhs, env)?;
            for (t, side) in [(a, lhs), (b, rhs)] {
                if t.list {
                    return Err(ExprError {
                        span: side.span(),
                        message: format!(
                            "{} is a list: reduce it first, e.g. `sum(…)`",
                            t.describe()
                        ),
                    });
                }
                if !t.ty.is_numeric() {
                    return Err(ExprError {
                        span: side.span(),
                        message: format!("cannot compute with {}", t.describe()),
                    });
                }
            }
            combine(*op, a.ty, b.ty)
                .map(Type::scalar)
                .ok_or_else(|| ExprError {
                    span: span.clone(),
                    message: format!("cannot {} {} and {}", verb(*op), a.ty.name(), b.ty.name()),
                })
        }
        Expr::Call { callee, args, span } => {
            let name = callee.name();
            let function = callee.resolved().ok_or_else(|| ExprError {
                span: span.start..span.start + name.len(),
                message: format!("unknown function `{name}`"),
            })?;
            let types = args
                .iter()
                .map(|a| type_of(a, env))
                .collect::<Result<Vec<_>, _>>()?;
            (function.type_of)(&types).map_err(|message| ExprError {
                span: span.clone(),
                message: format!("{message}: `{}`", function.usage),
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
    if !a.is_numeric() || !b.is_numeric() {
        return None;
    }
    if a == Any || b == Any {
        return Some(Any);
    }
    match op {
        Op::Add => match (a, b) {
            (Ratio, Pp) | (Pp, Ratio) => Some(Ratio),
            (Year, Duration) | (Duration, Year) => Some(Year),
            (Year, Year) => None,
            _ if a == b => Some(a),
            _ => None,
        },
        Op::Sub => match (a, b) {
            (Ratio, Ratio) => Some(Pp),
            (Ratio, Pp) => Some(Ratio),
            (Year, Year) => Some(Duration),
            (Year, Duration) => Some(Year),
            _ if a == b => Some(a),
            _ => None,
        },
        Op::Mul => match (a, b) {
            (Year, _) | (_, Year) => None,
            (Ratio, x) | (x, Ratio) => Some(x),
            _ => None,
        },
        Op::Div => match (a, b) {
            (Year, _) | (_, Year) => None,
            _ if a == b => Some(Ratio),
            (x, Ratio) => Some(x),
            // Per-capita and per-day averages: 元 / 人次, 件 / 天.
            (Money | Count | Physical, Count | Duration) => Some(a),
            _ => None,
        },
    }
}

/// Types a whole check; the error points at the offending part.
pub fn type_check(check: &Check, env: &dyn Env) -> Result<(), ExprError> {
    let types: Vec<Type> = check
        .operands
        .iter()
        .map(|e| type_of(e, env))
        .collect::<Result<_, _>>()?;
    if check.comparators.is_empty() {
        if types[0] != Type::scalar(Ty::Bool) {
            return Err(ExprError {
                span: check.operands[0].span(),
                message: format!(
                    "a check without a comparison must be a predicate, not {}",
                    types[0].describe()
                ),
            });
        }
        return Ok(());
    }
    for (i, t) in types.iter().enumerate() {
        if t.list || !t.ty.is_numeric() {
            return Err(ExprError {
                span: check.operands[i].span(),
                message: format!("cannot compare {}", t.describe()),
            });
        }
    }
    for (i, pair) in types.windows(2).enumerate() {
        if !comparable(pair[0].ty, pair[1].ty) {
            let (l, r) = (&check.operands[i], &check.operands[i + 1]);
            return Err(ExprError {
                span: l.span().start..r.span().end,
                message: format!(
                    "cannot compare {} with {}",
                    pair[0].ty.name(),
                    pair[1].ty.name()
                ),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    struct TestEnv;

    impl Env for TestEnv {
        fn fact(&self, name: &str) -> Option<Type> {
            Some(match name {
                "exports" | "imports" | "total" => Type::scalar(Ty::Money),
                "cars" | "nev" => Type::scalar(Ty::Count),
                "share" | "q1" | "q2" => Type::scalar(Ty::Ratio),
                "delta" => Type::scalar(Ty::Pp),
                "headlines" => Type::list(Ty::Money),
                _ => return None,
            })
        }

        fn has_capture(&self, fact: &str, capture: &str) -> bool {
            fact == "total" && capture == "period"
        }
    }

    fn check(src: &str) -> Result<(), ExprError> {
        type_check(&parse(src).unwrap(), &TestEnv)
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
        assert!(
            matches!(parse("between(a, b, c)").unwrap().operands[0], Expr::Call { ref args, .. } if args.len() == 3)
        );
        assert!(
            matches!(parse("days(t.period) > 0").unwrap().operands[0], Expr::Call { ref args, .. } if matches!(args[0], Expr::Capture { .. }))
        );
        assert_eq!(parse("(a + b == c").unwrap_err().message, "expected `)`");
        assert!(parse(&"(".repeat(10_000)).is_err());
    }

    #[test]
    fn dimensions_are_checked() {
        assert!(check("exports + imports == total").is_ok());
        assert!(check("nev / cars == share").is_ok());
        assert!(check("q2 - q1 == delta").is_ok());
        assert!(check("q2 - delta == q1").is_ok());
        let e = check("exports + cars == total").unwrap_err();
        assert_eq!(e.span, 0..14);
        assert!(check("share == delta").is_err());
        assert!(check("exports == share").is_err());
        let e = check("exports == nope").unwrap_err();
        assert_eq!(
            (e.span, e.message.as_str()),
            (11..15, "unknown fact `nope`")
        );
    }

    #[test]
    fn functions_captures_and_lists_are_typed() {
        assert!(check("between(q1, q2 - delta, q2)").is_ok());
        assert!(check("all_equal(headlines)").is_ok());
        assert!(check("sum(headlines) <= total").is_ok());
        assert!(check("exports / days(total.period) <= total").is_ok());
        assert!(check("headlines == total")
            .unwrap_err()
            .message
            .contains("cannot compare a list"));
        assert!(check("headlines + exports == total")
            .unwrap_err()
            .message
            .contains("reduce it first"));
        assert!(check("total.nope == total")
            .unwrap_err()
            .message
            .contains("no capture named `nope`"));
        assert!(check("frobnicate(total)")
            .unwrap_err()
            .message
            .contains("unknown function"));
        assert!(check("between(q1, exports, q2)").is_err());
        assert!(check("sum(headlines)")
            .unwrap_err()
            .message
            .contains("must be a predicate"));
    }
}
