import { placesContract } from '../../types/places'
import { serve } from '../_core/serve'
import { resolveCode } from './actions/resolveCode'
import { communities } from './actions/communities'
import { directory } from './actions/directory'
import { rooms } from './actions/rooms'
import { tree } from './actions/tree'
import { createGrid } from './actions/createGrid'
import { renameGrid } from './actions/renameGrid'
import { setGridMembers } from './actions/setGridMembers'
import { createBuilding } from './actions/createBuilding'
import { updateBuilding } from './actions/updateBuilding'
import { addUnit } from './actions/addUnit'
import { importCsv } from './actions/importCsv'
import { households } from './actions/households'
import { qrSheet } from './actions/qrSheet'
import { miniCode } from './actions/miniCode'

/** Places: street → community → grid → building → unit (stairwell), the household roll and stairwell QR codes. */
export const main = serve(placesContract, {
  resolveCode,
  communities,
  directory,
  rooms,
  tree,
  createGrid,
  renameGrid,
  setGridMembers,
  createBuilding,
  updateBuilding,
  addUnit,
  importCsv,
  households,
  qrSheet,
  miniCode,
})
