import ts from 'typescript';
const file = process.argv[2];
const program = ts.createProgram([file], { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, customConditions: ['@liujin/source'], resolveJsonModule: true, allowImportingTsExtensions: false, skipLibCheck: true, noEmit: true });
const checker = program.getTypeChecker();
const sf = program.getSourceFile(file);
const sym = checker.getSymbolAtLocation(sf);
for (const e of checker.getExportsOfModule(sym)) {
  let s = e; if (s.flags & ts.SymbolFlags.Alias) s = checker.getAliasedSymbol(s);
  const isValue = !!(s.flags & ts.SymbolFlags.Value);
  const decl = s.declarations?.[0];
  console.log(`${e.name}\t${isValue ? 'value' : 'type'}\t${decl ? decl.getSourceFile().fileName.replace(/.*\/src\//, '') : '?'}`);
}
