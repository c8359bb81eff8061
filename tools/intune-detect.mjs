// @ts-check
/**
 * An Intune detection script for each Windows settings file (`*-settings.reg`) a release writes.
 *
 * Intune reinstalls a Win32 app only when its detection rule stops finding it. A built-in registry
 * rule can test one value, so a Trust that changed any other setting would never see it deployed
 * (issue 19). The script this writes tests every value the `.reg` file writes, with its exact type
 * and content, in the 64-bit registry view (where `reg import … /reg:64` wrote it, whichever
 * PowerShell Intune starts), and reports "installed" only when all of them match.
 *
 * It is generated from the rendered `.reg` file itself, so the two cannot drift:
 * tests/e2e/intune-detect.test.mjs reads both back and compares them value by value.
 */
import { parseReg } from './reg-file.mjs';

/** A PowerShell single-quoted string: nothing inside is expanded; a quote is doubled. @param {string} s */
function psString(s) {
  return `'${s.replace(/['‘’‚‛]/g, (q) => q + q)}'`;
}

/**
 * The detection script for the `.reg` file `regText`, named `regName` in its comments.
 * @param {string} regText
 * @param {string} regName
 */
export function detectionScript(regText, regName) {
  const values = parseReg(regText);
  if (values.length === 0) throw new Error(`${regName}: no values to detect`);
  const rows = values.map((v) =>
    `  @{ Key = ${psString(v.key)}; Name = ${psString(v.name)}; Kind = '${v.kind}'; Value = ${v.kind === 'DWord' ? v.value : psString(String(v.value))} }`);
  return `# postguard: Intune detection script for ${regName} (written by ./build.sh package; do not edit).
# Win32 app -> Detection rules -> Use a custom detection script: this file; "Run script as 32-bit
# process on 64-bit clients": No (it opens the 64-bit registry view either way).
# Intune counts the app as installed only when this script writes to standard output and exits 0:
# here, when every value ${regName} writes is in the registry, with the same type and exactly the
# same content. After any change to a setting the script fails on the old machines, and Intune
# installs the changed file.
$base = [Microsoft.Win32.RegistryKey]::OpenBaseKey([Microsoft.Win32.RegistryHive]::LocalMachine, [Microsoft.Win32.RegistryView]::Registry64)
$expected = @(
${rows.join(',\n')}
)
foreach ($e in $expected) {
  $key = $base.OpenSubKey($e.Key)
  if ($null -eq $key) { exit 1 }
  try {
    $value = $key.GetValue($e.Name, $null, [Microsoft.Win32.RegistryValueOptions]::DoNotExpandEnvironmentNames)
    if ($null -eq $value) { exit 1 }
    if ($key.GetValueKind($e.Name).ToString() -ne $e.Kind) { exit 1 }
    if ($e.Kind -eq 'DWord') {
      if ([uint32]([int64]$value -band 0xFFFFFFFF) -ne [uint32]$e.Value) { exit 1 }
    } elseif ([string]$value -cne $e.Value) { exit 1 }
  } finally {
    $key.Close()
  }
}
Write-Output 'postguard settings installed'
exit 0
`;
}
