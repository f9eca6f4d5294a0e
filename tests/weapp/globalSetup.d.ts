declare const ensureNativeBuild: () => Promise<void>
export default ensureNativeBuild
