/**
 * Runtime half of config/aria (see index.ts): imported before @tarojs/runtime, so the runtime numbers each
 * component's attributes (p0, p1, …) exactly as the templates of base.wxml were built. Plain ES module: webpack
 * bundles it as is (files outside src/ are not transpiled).
 */
import { internalComponents, mergeInternalComponents } from '@tarojs/shared'
import spec from './aria.json'

var patch = {}
spec.components.forEach(function (name) {
  if (!(name in internalComponents)) return
  var attrs = {}
  spec.attributes.forEach(function (a) {
    attrs[a] = ''
  })
  patch[name] = attrs
})
mergeInternalComponents(patch)
