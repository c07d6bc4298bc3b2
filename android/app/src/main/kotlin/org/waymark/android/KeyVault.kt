package org.waymark.android

import android.content.Context
import android.security.keystore.KeyGenParameterSpec
import android.security.keystore.KeyProperties
import java.io.File
import java.security.GeneralSecurityException
import java.security.KeyStore
import java.security.SecureRandom
import javax.crypto.Cipher
import javax.crypto.KeyGenerator
import javax.crypto.SecretKey
import javax.crypto.spec.GCMParameterSpec
import org.waymark.core.ProfileAtRest
import org.waymark.core.WaymarkException
import org.waymark.core.profileAtRest

/**
 * The profile key: 32 random bytes the core encrypts the whole profile with (and the family's
 * secrets inside it). It is stored only encrypted (AES-GCM) under a key that never leaves the
 * Android Keystore, in the no-backup folder (`profile.key`), and read before the profile opens.
 *
 * A new key is made only when no profile can need the old one: there is no profile yet, or the
 * profile is a plaintext one from a release before the profile was encrypted (the core seals it
 * with this key at its open). An encrypted profile whose key file or Keystore entry is gone gets
 * no new key: a new key would not open it, and a new empty profile would take its place. The
 * core is then given no key, and says so in its own words.
 */
object KeyVault {
    private const val ALIAS = "waymark-profile-key"
    private const val FILE = "profile.key"
    private const val IV_BYTES = 12
    private const val TAG_BITS = 128
    private const val KEY_BYTES = 32

    /** The key file, in the no-backup folder. */
    fun keyFile(context: Context): File = File(context.noBackupFilesDir, FILE)

    /**
     * The key for the profile at [profile]: the stored one, or a new one when the profile cannot
     * need the old one; empty when an encrypted profile's key is lost (the core refuses it with
     * its "no key" words, and nothing is changed).
     */
    fun profileKey(context: Context, profile: File): ByteArray {
        stored(context)?.let { return it }
        if (encrypted(profile)) return ByteArray(0)
        return create(context)
    }

    /**
     * Whether the vault holds a key it can unseal (the key file and the Keystore entry that
     * sealed it are both there). Asked with the core's `profileAtRest` to tell a lost key.
     */
    fun hasKey(context: Context): Boolean = stored(context) != null

    /** The stored key, or null when the file, the Keystore entry or the key itself is gone. */
    private fun stored(context: Context): ByteArray? {
        val file = keyFile(context)
        if (!file.exists()) return null
        return try {
            val wrapping = existingWrappingKey() ?: return null
            val sealed = file.readBytes()
            if (sealed.size <= IV_BYTES) return null
            val cipher = Cipher.getInstance("AES/GCM/NoPadding")
            cipher.init(Cipher.DECRYPT_MODE, wrapping, GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES))
            cipher.doFinal(sealed, IV_BYTES, sealed.size - IV_BYTES).takeIf { it.size == KEY_BYTES }
        } catch (e: GeneralSecurityException) {
            // Another Keystore key than the one that sealed it (the entry was remade), or one
            // the Keystore no longer lets be used: lost.
            null
        }
    }

    /**
     * Whether the core finds an encrypted profile at [profile] (one it cannot read counts as
     * encrypted: no new key is made for it).
     */
    private fun encrypted(profile: File): Boolean =
        try {
            profileAtRest(profile.path) == ProfileAtRest.ENCRYPTED
        } catch (e: WaymarkException) {
            true
        }

    private fun create(context: Context): ByteArray {
        val key = ByteArray(KEY_BYTES).also { SecureRandom().nextBytes(it) }
        val cipher = Cipher.getInstance("AES/GCM/NoPadding")
        // The Keystore picks the IV itself; it refuses caller-chosen ones by default.
        cipher.init(Cipher.ENCRYPT_MODE, existingWrappingKey() ?: newWrappingKey())
        val sealed = cipher.iv + cipher.doFinal(key)
        // Written whole then renamed, so a crash never leaves half a key behind.
        val file = keyFile(context)
        val partial = File(file.parentFile, "$FILE.partial")
        partial.writeBytes(sealed)
        if (!partial.renameTo(file)) {
            partial.delete()
            throw java.io.IOException("cannot store the profile key")
        }
        return key
    }

    /**
     * Forgets the key: the key file and the Keystore entry. Only after the core erased the
     * profile it opens (`eraseAllData` said to remove the device's data).
     */
    fun forget(context: Context) {
        keyFile(context).delete()
        File(context.noBackupFilesDir, "$FILE.partial").delete()
        val store = KeyStore.getInstance("AndroidKeyStore").apply { load(null) }
        if (store.containsAlias(ALIAS)) store.deleteEntry(ALIAS)
    }

    private fun existingWrappingKey(): SecretKey? {
        val store = KeyStore.getInstance("AndroidKeyStore").apply { load(null) }
        return store.getKey(ALIAS, null) as? SecretKey
    }

    private fun newWrappingKey(): SecretKey {
        val generator = KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_AES, "AndroidKeyStore")
        generator.init(
            KeyGenParameterSpec.Builder(
                ALIAS,
                KeyProperties.PURPOSE_ENCRYPT or KeyProperties.PURPOSE_DECRYPT,
            )
                .setBlockModes(KeyProperties.BLOCK_MODE_GCM)
                .setEncryptionPaddings(KeyProperties.ENCRYPTION_PADDING_NONE)
                .setKeySize(256)
                .build(),
        )
        return generator.generateKey()
    }
}
