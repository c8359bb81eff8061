// Intune detection scripts (issue 19): for each Windows settings file a release writes
// (`chrome-settings.reg`, `edge-settings.reg`), ./build.sh package writes a PowerShell detection
// script that checks every value the file sets, so a changed setting redeploys. Checked here without
// Windows (there is none in postguard's tests; the scripts have not been run by Intune):
//   - the script's table is exactly the .reg file's values (key, name, type, content), read back
//     from the PowerShell source, including quotes and backslashes that must survive quoting;
//   - it opens the 64-bit registry view, compares strings case-sensitively, exits 0 with output only
//     after every value matched, and carries a byte-order mark (Windows PowerShell needs one for
//     non-ASCII text);
//   - a release rendered for a Trust writes one beside each settings file, naming that Trust's ID.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectionScript } from '../../tools/intune-detect.mjs';
import { parseReg } from '../../tools/reg-file.mjs';
import { makeRelease } from '../../tools/package.mjs';
import { distDir } from './lib/browser.mjs';

/**
 * The rows of a detection script's `$expected` table, read back from its PowerShell text.
 * @param {string} script
 */
function tableOf(script) {
  const ps = String.raw`'((?:[^'‘’‚‛]|['‘’‚‛]{2})*)'`;
  const row = new RegExp(String.raw`^  @\{ Key = ${ps}; Name = ${ps}; Kind = '(String|DWord)'; Value = (?:${ps}|(\d+)) \},?$`);
  const unquote = (/** @type {string} */ s) => s.replace(/(['‘’‚‛])\1/g, '$1');
  const start = script.indexOf('$expected = @(\n');
  const end = script.indexOf('\n)\n', start);
  assert.ok(start > 0 && end > start, 'an $expected table');
  return script.slice(start + '$expected = @(\n'.length, end).split('\n').map((line) => {
    const m = row.exec(line);
    assert.ok(m, `a table row: ${line}`);
    return { key: unquote(m[1]), name: unquote(m[2]), kind: m[3], value: m[5] !== undefined ? Number(m[5]) : unquote(m[4]) };
  });
}

const REG = `Windows Registry Editor Version 5.00

; a comment
[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\abcdefghijklmnopabcdefghijklmnop\\policy]
"trustName"="St Mary’s and O'Neill \\"Test\\" Trust"
"hospitalNumberPatterns"="[\\"HB\\\\\\\\d{7}\\"]"
"allowOverride"=dword:00000001
"failClosed"=dword:00000000
`;

describe('Intune detection scripts (tools/intune-detect.mjs)', () => {
  it('check exactly the values the .reg file sets, with quotes and backslashes intact', () => {
    const values = parseReg(REG);
    assert.deepEqual(values.map((v) => v.name), ['trustName', 'hospitalNumberPatterns', 'allowOverride', 'failClosed']);
    assert.equal(values[0].value, 'St Mary’s and O\'Neill "Test" Trust');
    assert.equal(values[1].value, '["HB\\\\d{7}"]', 'the JSON text as Chrome reads it');
    const script = detectionScript(REG, 'chrome-settings.reg');
    assert.deepEqual(tableOf(script), values);
  });

  it('report installed only when every value matches, in the 64-bit view, case-sensitively', () => {
    const script = detectionScript(REG, 'chrome-settings.reg');
    assert.match(script, /OpenBaseKey\(\[Microsoft\.Win32\.RegistryHive\]::LocalMachine, \[Microsoft\.Win32\.RegistryView\]::Registry64\)/);
    assert.match(script, /\[string\]\$value -cne \$e\.Value/, 'strings compare case-sensitively');
    assert.match(script, /GetValueKind\(\$e\.Name\)\.ToString\(\) -ne \$e\.Kind/, 'a value of the wrong type is not a match');
    // Output and exit 0 come once, after the loop; every mismatch exits 1 before any output.
    const loopEnd = script.lastIndexOf('\n}\n');
    assert.equal(script.indexOf('Write-Output'), script.lastIndexOf('Write-Output'));
    assert.ok(script.indexOf('Write-Output') > loopEnd && /exit 0\s*$/.test(script));
    assert.equal((script.slice(0, loopEnd).match(/exit 0/g) ?? []).length, 0);
  });

  it('refuse a .reg line they cannot check, rather than leave it out', () => {
    assert.throws(() => detectionScript(`${REG}"list"=hex(7):41,00\n`, 'x.reg'), /line 9: not a string or DWORD value/);
    assert.throws(() => detectionScript('Windows Registry Editor Version 5.00\n\n[HKEY_CURRENT_USER\\Software\\x]\n', 'x.reg'), /only HKEY_LOCAL_MACHINE/);
  });

  it('are written beside each settings file of a release, for the Trust\'s own ID', () => {
    const out = mkdtempSync(join(tmpdir(), 'pg-intune-'));
    try {
      const key = join(out, 'trust.pem');
      execFileSync('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', key], { stdio: 'ignore' });
      const release = makeRelease({ from: distDir(), key, base: 'https://extensions.example-trust.nhs.uk/pg', out: join(out, 'dist') });
      for (const vendor of ['chrome', 'edge']) {
        const dir = join(out, 'dist', 'policies', 'windows');
        const reg = readFileSync(join(dir, `${vendor}-settings.reg`), 'utf8');
        const script = readFileSync(join(dir, `${vendor}-settings-detect.ps1`), 'utf8');
        assert.ok(script.startsWith('\ufeff'), `${vendor}: a byte-order mark`);
        const table = tableOf(script.slice(1));
        assert.deepEqual(table, parseReg(reg), `${vendor}: every value of ${vendor}-settings.reg, exactly`);
        assert.ok(table.length >= 20 && table.every((r) => r.key.endsWith(`\\3rdparty\\extensions\\${release.id}\\policy`)), `${vendor}: only postguard's own key`);
        assert.ok(!table.some((r) => r.name === 'ExtensionSettings'), `${vendor}: never ExtensionSettings`);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

