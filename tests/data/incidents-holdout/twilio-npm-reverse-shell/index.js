// Incident: twilio-npm typosquat (npm), October/November 2020.
// The package only carried an install hook that opened a reverse shell (see package.json);
// the entry point was an empty stub. Reference:
// https://blog.sonatype.com/twilio-npm-is-brandjacking-malware-in-disguise
// Reproduction (own code, placeholder host).
module.exports = {};
