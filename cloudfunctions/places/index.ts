import { placesContract } from '../../types/places'
import { serve } from '../_core/serve'
import { resolveCode } from './actions/resolveCode'
import { communities } from './actions/communities'
import { directory } from './actions/directory'
import { rooms } from './actions/rooms'
import { createCommunity } from './actions/createCommunity'
import { renameCommunity } from './actions/renameCommunity'
import { tree } from './actions/tree'
import { createGrid } from './actions/createGrid'
import { renameGrid } from './actions/renameGrid'
import { setGridMembers } from './actions/setGridMembers'
import { createBuilding } from './actions/createBuilding'
import { updateBuilding } from './actions/updateBuilding'
import { addUnit } from './actions/addUnit'
import { importCsv } from './actions/importCsv'
import { households } from './actions/households'
import { household } from './actions/household'
import { saveMember } from './actions/saveMember'
import { removeMember } from './actions/removeMember'
import { setOwner } from './actions/setOwner'
import { revokeBindCode } from './actions/revokeBindCode'
import { settings, updateSettings } from './actions/settings'

/** Places: street → community → grid → building → unit (stairwell) and the household register (members, owners). */
export const main = serve(placesContract, {
  resolveCode,
  communities,
  directory,
  rooms,
  createCommunity,
  renameCommunity,
  tree,
  createGrid,
  renameGrid,
  setGridMembers,
  createBuilding,
  updateBuilding,
  addUnit,
  importCsv,
  households,
  household,
  saveMember,
  removeMember,
  setOwner,
  revokeBindCode,
  settings,
  updateSettings,
})
