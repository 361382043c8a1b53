/*
 * Fixture for js-auth-bypass-magic-value.
 * RULEID: magic header -> next(), magic query -> req.user admin, verifyPassword accepting a literal.
 * OK: compare against a configured secret, content-type check, role check against a literal.
 */
function requireAuth(req, res, next) {
  // ruleid: js-auth-bypass-magic-value
  if (req.headers["x-debug-auth"] === "letmein-2024") {
    return next();
  }
  // ruleid: js-auth-bypass-magic-value
  if (req.query.token === "s3cr3t-maint") {
    req.user = { id: 0, role: "admin" };
  }
  // ok: js-auth-bypass-magic-value
  if (req.headers["x-api-key"] === process.env.API_KEY) {
    return next();
  }
  // ok: js-auth-bypass-magic-value
  if (req.headers["content-type"] === "application/json") {
    return next();
  }
  return res.status(401).end();
}

function verifyPassword(user, password) {
  // ruleid: js-auth-bypass-magic-value
  if (password === "Tr0ub4dor&3") return true;
  return bcrypt.compareSync(password, user.hash);
}

function isAllowed(user) {
  // ok: js-auth-bypass-magic-value
  if (user.role === "admin") return true;
  return false;
}
