#!/usr/bin/env bash
# `make package`: the Linux release, in dist/:
#   lobbykiosk-VERSION-linux-amd64.tar.xz   what `fyne package --os linux --release`
#                                           makes, unchanged but for its name: binary,
#                                           desktop file, icon, and fyne's Makefile
#   lobbykiosk-deploy-VERSION.tar.gz        for IT: install.sh, deploy/ (systemd units,
#                                           session scripts, PAM, X and logind files,
#                                           setup-kiosk), config.example.toml, icon,
#                                           desktop file, docs/deploy.md, fleet.md and lockdown.md
#   SHA256SUMS, COMMIT (the full hash packaged)
# VERSION is FyneApp.toml's [Details] Version. Why two tarballs: docs/deploy.md.
#
# It packages the committed tree (PACKAGE_REF, default HEAD), exported to a scratch
# directory: a release never holds uncommitted edits, and fyne package writes
# fyne_metadata_init.go into the tree it builds (and FyneApp.toml's Build when it
# counts up), which must not happen in a checkout others are working in.
# version and commit reach `lobbykiosk version` through GOFLAGS: the fyne tool has no
# -ldflags option, but it moves every -ldflags= entry of GOFLAGS onto its go build.
set -euo pipefail
cd "$(dirname "$0")/.."

fyne_tool=fyne.io/tools/cmd/fyne@v1.7.4
ref="${PACKAGE_REF:-HEAD}"
# The Makefile's BUILD_TAGS (why there); set but empty builds with Fyne's defaults.
build_tags="${BUILD_TAGS?run through make package: the Makefile sets BUILD_TAGS}"
dist="$PWD/dist"

gobin="$(go env GOBIN)"
[[ -n $gobin ]] || gobin="$(go env GOPATH)/bin"
fyne="$gobin/fyne"
want_fyne="${fyne_tool##*@}"
if ! [[ -x $fyne ]] || [[ "$("$fyne" version 2>/dev/null)" != *"cli version: $want_fyne"* ]]; then
	echo "package: installing $fyne_tool"
	go install "$fyne_tool"
fi
for tool in tar xz git; do
	command -v "$tool" >/dev/null || { echo "package: $tool missing (apt-get install $tool)" >&2; exit 1; }
done

commit="$(git rev-parse --short "$ref")"
version="$(git show "$ref:FyneApp.toml" | sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\(.*\)".*/\1/p' | head -n1)"
[[ $version =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || { echo "package: FyneApp.toml Version \"$version\" is not x.y.z" >&2; exit 1; }
if ! git diff --quiet HEAD -- 2>/dev/null && [[ $ref == HEAD ]]; then
	echo "package: note: the checkout has uncommitted changes; packaging $ref ($commit) without them"
fi

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
src="$scratch/src"
mkdir -p "$src"
git archive "$ref" | tar -x -C "$src"

start=$SECONDS
echo "package: building lobbykiosk $version ($commit) with fyne package --os linux --release${build_tags:+ --tags $build_tags}"
(
	cd "$src"
	# -buildvcs=false: the export is no git checkout. Values in GOFLAGS cannot hold
	# spaces, hence -X=name=value, one -ldflags= per variable.
	export GOFLAGS="-buildvcs=false -ldflags=-X=main.version=$version -ldflags=-X=main.commit=$commit"
	"$fyne" package --os linux --release ${build_tags:+--tags "$build_tags"}
)
# fyne package names it after FyneApp.toml's Name ("Medford Water Lobby Kiosk.tar.xz").
built=("$src"/*.tar.xz)
[[ ${#built[@]} -eq 1 && -f ${built[0]} ]] || { echo "package: expected one tarball from fyne package, got: ${built[*]}" >&2; exit 1; }

mkdir -p "$dist"
release="lobbykiosk-$version-linux-$(go env GOARCH).tar.xz"
deploy="lobbykiosk-deploy-$version.tar.gz"
rm -f "$dist/$release" "$dist/$deploy" "$dist/SHA256SUMS"
cp "${built[0]}" "$dist/$release"

# The deploy tarball: the same layout install.sh finds in the repository.
stage="$scratch/lobbykiosk-deploy-$version"
mkdir -p "$stage/assets" "$stage/docs"
cp -r "$src/deploy" "$stage/"
cp "$src/.ci/install.sh" "$stage/install.sh"
cp "$src/config.example.toml" "$stage/"
cp "$src/assets/icon.png" "$stage/assets/"
cp "$src/docs/deploy.md" "$src/docs/fleet.md" "$src/docs/lockdown.md" "$stage/docs/"
tar -czf "$dist/$deploy" --owner=0 --group=0 --sort=name -C "$scratch" "lobbykiosk-deploy-$version"

(cd "$dist" && sha256sum "$release" "$deploy" >SHA256SUMS)
# Which commit dist/ was made from (deploy-test checks only tarballs of HEAD).
git rev-parse "$ref" >"$dist/COMMIT"

echo "package: done in $((SECONDS - start)) s"
for f in "$release" "$deploy"; do
	echo "--- dist/$f ($(du -h "$dist/$f" | cut -f1))"
	tar -tvf "$dist/$f" | awk '{ printf "  %s %10s  %s\n", $1, $3, $6 }'
done
echo "--- dist/SHA256SUMS"
sed 's/^/  /' "$dist/SHA256SUMS"
