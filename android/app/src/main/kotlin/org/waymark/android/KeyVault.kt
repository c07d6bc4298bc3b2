package org.waymark.android

import android.content.Context
import android.security.keystore.KeyGenParameterSpec
import android.security.keystore.KeyProperties
import java.io.File
import java.security.KeyStore
import java.security.SecureRandom
import javax.crypto.Cipher
import javax.crypto.KeyGenerator
import javax.crypto.SecretKey
import javax.crypto.spec.GCMParameterSpec

/**
 * The 32-byte key the core seals the family's secrets with. It is random, stored only encrypted
 * (AES-GCM) under a key that never leaves the Android Keystore, in the no-backup folder.
 */
object KeyVault {
    private const val ALIAS = "waymark-profile-key"
    private const val FILE = "profile.key"
    private const val IV_BYTES = 12
    private const val TAG_BITS = 128

    /** The profile key, made on first use; the same at every launch. */
    fun profileKey(context: Context): ByteArray {
        val file = File(context.noBackupFilesDir, FILE)
        val wrapping = wrappingKey()
        if (file.exists()) {
            val stored = file.readBytes()
            val cipher = Cipher.getInstance("AES/GCM/NoPadding")
            cipher.init(
                Cipher.DECRYPT_MODE,
                wrapping,
                GCMParameterSpec(TAG_BITS, stored, 0, IV_BYTES),
            )
            return cipher.doFinal(stored, IV_BYTES, stored.size - IV_BYTES)
        }
        val key = ByteArray(32).also { SecureRandom().nextBytes(it) }
        val cipher = Cipher.getInstance("AES/GCM/NoPadding")
        // The Keystore picks the IV itself; it refuses caller-chosen ones by default.
        cipher.init(Cipher.ENCRYPT_MODE, wrapping)
        val sealed = cipher.iv + cipher.doFinal(key)
        // Written whole then renamed, so a crash never leaves half a key behind.
        val partial = File(context.noBackupFilesDir, "$FILE.partial")
        partial.writeBytes(sealed)
        if (!partial.renameTo(file)) {
            throw java.io.IOException("cannot store the profile key")
        }
        return key
    }

    private fun wrappingKey(): SecretKey {
        val store = KeyStore.getInstance("AndroidKeyStore").apply { load(null) }
        (store.getKey(ALIAS, null) as? SecretKey)?.let { return it }
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
