<#
.SYNOPSIS
    Builds the Windows installer: out\installer\shequ-setup-<version>.exe

.DESCRIPTION
    1. Freezes the app with PyInstaller (installer\shequ.spec, one folder, no UPX) into
       out\installer\dist\shequ.
    2. Runs the frozen app's self-test (shequ-cli.exe smoke): Qt offscreen, a new
       database through all migrations, a slip PDF, the main window.
    3. Fills installer\shequ.nsi.in (version from pyproject.toml) into
       out\installer\shequ.nsi (installer\nsis.py).
    4. Compiles it with makensis (NSIS 3).

    Needs uv (https://docs.astral.sh/uv/) and NSIS 3 (makensis.exe on PATH or in its
    default folder). uv installs Python 3.11 and the project's locked dependencies.
    The same script runs in the Windows CI workflow (.github\workflows\windows-installer.yml).

    This file is kept ASCII-only: Windows PowerShell 5.1 reads a script without a
    byte-order mark in the ANSI code page.

.PARAMETER Makensis
    Path of makensis.exe; default: makensis on PATH, else NSIS's default install folders.

.PARAMETER OutDir
    Where the frozen app, the filled script and the installer go (default out\installer).

.PARAMETER Python
    The Python version uv builds with (default 3.11, the version the app is pinned for).

.PARAMETER SkipFreeze
    Reuse the frozen app already in OutDir (only fill and compile the installer).

.EXAMPLE
    powershell -ExecutionPolicy Bypass -File installer\build.ps1
#>
[CmdletBinding()]
param(
    [string]$Makensis = "",
    [string]$OutDir = "out\installer",
    [string]$Python = "3.11",
    [switch]$SkipFreeze
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version 3.0

function Invoke-Tool {
    # Runs a program and stops the build when it fails (a native program's exit code
    # does not stop a PowerShell script by itself).
    param([Parameter(Mandatory = $true)][string]$Program, [string[]]$Arguments = @())
    Write-Host "> $Program $($Arguments -join ' ')"
    & $Program @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "$Program exited with code $LASTEXITCODE"
    }
}

function Find-Makensis {
    param([string]$Given)
    if ($Given) {
        if (-not (Test-Path $Given)) { throw "makensis not found at $Given" }
        return (Resolve-Path $Given).Path
    }
    $onPath = Get-Command makensis.exe -ErrorAction SilentlyContinue
    if ($onPath) { return $onPath.Source }
    $folders = @(${env:ProgramFiles(x86)}, $env:ProgramFiles) | Where-Object { $_ }
    foreach ($folder in $folders) {
        $candidate = Join-Path $folder "NSIS\makensis.exe"
        if (Test-Path $candidate) { return $candidate }
    }
    throw "makensis.exe (NSIS 3) not found: install NSIS or pass -Makensis C:\path\to\makensis.exe"
}

$root = Split-Path -Parent $PSScriptRoot
Push-Location $root
try {
    if (-not (Get-Command uv -ErrorAction SilentlyContinue)) {
        throw "uv not found: install it (python -m pip install uv) and run this script again"
    }
    $makensisExe = Find-Makensis $Makensis
    if (-not [System.IO.Path]::IsPathRooted($OutDir)) {
        $OutDir = Join-Path $root $OutDir
    }
    New-Item -ItemType Directory -Force -Path $OutDir | Out-Null
    $dist = Join-Path $OutDir "dist\shequ"
    $uv = @("run", "--locked", "--python", $Python)
    $timer = [System.Diagnostics.Stopwatch]::StartNew()

    if (-not $SkipFreeze) {
        Invoke-Tool uv ($uv + @("pyinstaller", "installer\shequ.spec", "--noconfirm", "--clean",
                "--distpath", (Join-Path $OutDir "dist"), "--workpath", (Join-Path $OutDir "build")))
        Write-Host ("frozen in {0:N0} s" -f $timer.Elapsed.TotalSeconds)
    }
    if (-not (Test-Path (Join-Path $dist "shequ.exe"))) {
        throw "no frozen app in $dist"
    }
    $size = (Get-ChildItem $dist -Recurse -File | Measure-Object -Property Length -Sum).Sum
    Write-Host ("frozen app: {0:N0} MB" -f ($size / 1MB))

    Invoke-Tool (Join-Path $dist "shequ-cli.exe") @("smoke", "--out", (Join-Path $OutDir "smoke"))

    $script = Join-Path $OutDir "shequ.nsi"
    Invoke-Tool uv ($uv + @("python", "installer\nsis.py", "--dist", $dist, "--out", $script))
    Invoke-Tool $makensisExe @("/V2", "/WX", $script)

    $setup = Get-ChildItem (Join-Path $OutDir "shequ-setup-*.exe") |
        Sort-Object LastWriteTime -Descending | Select-Object -First 1
    Write-Host ("installer: {0} ({1:N0} MB), built in {2:N0} s" -f
        $setup.FullName, ($setup.Length / 1MB), $timer.Elapsed.TotalSeconds)
}
finally {
    Pop-Location
}
