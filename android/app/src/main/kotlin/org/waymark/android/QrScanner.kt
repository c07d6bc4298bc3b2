package org.waymark.android

import android.annotation.SuppressLint
import android.content.Context
import android.graphics.ImageFormat
import android.graphics.SurfaceTexture
import android.hardware.camera2.CameraCaptureSession
import android.hardware.camera2.CameraCharacteristics
import android.hardware.camera2.CameraDevice
import android.hardware.camera2.CameraManager
import android.hardware.camera2.CaptureRequest
import android.hardware.camera2.params.OutputConfiguration
import android.hardware.camera2.params.SessionConfiguration
import android.media.ImageReader
import android.os.Build
import android.os.Handler
import android.os.HandlerThread
import android.os.Looper
import android.util.Size
import android.view.Surface
import android.view.TextureView
import java.util.concurrent.Executor
import org.waymark.core.WaymarkException
import org.waymark.core.readQrCode

/**
 * The camera preview that reads a QR code: Camera2 sends greyscale frames (the Y plane of
 * YUV_420_888) to the core's reader until one holds a code, then [onFound] gets its text on the
 * UI thread. Nothing is recorded or kept.
 */
@SuppressLint("ViewConstructor")
class QrScanner(context: Context, private val onFound: (String) -> Unit) : TextureView(context) {
    private val thread = HandlerThread("waymark-scan").apply { start() }
    private val handler = Handler(thread.looper)
    private val executor = Executor { handler.post(it) }
    private val main = Handler(Looper.getMainLooper())
    private var camera: CameraDevice? = null
    private var reader: ImageReader? = null
    private var done = false

    init {
        surfaceTextureListener = object : SurfaceTextureListener {
            override fun onSurfaceTextureAvailable(texture: SurfaceTexture, width: Int, height: Int) =
                open(texture)

            override fun onSurfaceTextureSizeChanged(t: SurfaceTexture, w: Int, h: Int) {}

            override fun onSurfaceTextureDestroyed(texture: SurfaceTexture): Boolean {
                close()
                return true
            }

            override fun onSurfaceTextureUpdated(texture: SurfaceTexture) {}
        }
    }

    override fun onMeasure(widthMeasureSpec: Int, heightMeasureSpec: Int) {
        val width = MeasureSpec.getSize(widthMeasureSpec)
        setMeasuredDimension(width, width * 4 / 3)
    }

    /** Call only with the CAMERA permission granted; the screen checks it first. */
    @SuppressLint("MissingPermission")
    private fun open(texture: SurfaceTexture) {
        val manager = context.getSystemService(CameraManager::class.java)
        val id = manager.cameraIdList.firstOrNull {
            manager.getCameraCharacteristics(it).get(CameraCharacteristics.LENS_FACING) ==
                CameraCharacteristics.LENS_FACING_BACK
        } ?: manager.cameraIdList.firstOrNull() ?: return
        val size = frameSize(manager, id)
        texture.setDefaultBufferSize(size.width, size.height)
        val frames = ImageReader.newInstance(size.width, size.height, ImageFormat.YUV_420_888, 2)
        frames.setOnImageAvailableListener({ read(it) }, handler)
        reader = frames
        // The Handler form works from API 21; the Executor form needs 28.
        manager.openCamera(id, object : CameraDevice.StateCallback() {
            override fun onOpened(device: CameraDevice) {
                camera = device
                startSession(device, Surface(texture), frames.surface)
            }

            override fun onDisconnected(device: CameraDevice) = device.close()

            override fun onError(device: CameraDevice, error: Int) = device.close()
        }, handler)
    }

    private fun startSession(device: CameraDevice, preview: Surface, frames: Surface) {
        val outputs = listOf(OutputConfiguration(preview), OutputConfiguration(frames))
        val callback = object : CameraCaptureSession.StateCallback() {
            override fun onConfigured(session: CameraCaptureSession) {
                val request = device.createCaptureRequest(CameraDevice.TEMPLATE_PREVIEW).apply {
                    addTarget(preview)
                    addTarget(frames)
                    set(
                        CaptureRequest.CONTROL_AF_MODE,
                        CaptureRequest.CONTROL_AF_MODE_CONTINUOUS_PICTURE,
                    )
                }.build()
                session.setRepeatingRequest(request, null, handler)
            }

            override fun onConfigureFailed(session: CameraCaptureSession) = session.close()
        }
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.P) {
            device.createCaptureSession(
                SessionConfiguration(SessionConfiguration.SESSION_REGULAR, outputs, executor, callback),
            )
        } else {
            // Android 8.x has only this form; it is deprecated from Android 11, where the
            // branch above runs instead.
            @Suppress("DEPRECATION")
            device.createCaptureSessionByOutputConfigurations(outputs, callback, handler)
        }
    }

    /** A frame size near 1280 wide: enough for a dense code, small enough to read quickly. */
    private fun frameSize(manager: CameraManager, id: String): Size {
        val map = manager.getCameraCharacteristics(id)
            .get(CameraCharacteristics.SCALER_STREAM_CONFIGURATION_MAP)
        val sizes = map?.getOutputSizes(ImageFormat.YUV_420_888).orEmpty()
        return sizes.filter { it.width <= 1280 }.maxByOrNull { it.width * it.height }
            ?: sizes.minByOrNull { it.width * it.height }
            ?: Size(640, 480)
    }

    /** Reads one frame on the scan thread; frames that arrive meanwhile are dropped. */
    private fun read(frames: ImageReader) {
        val image = frames.acquireLatestImage() ?: return
        val width = image.width
        val height = image.height
        val luma = image.use {
            val plane = it.planes[0]
            lumaWithoutPadding(plane.buffer, plane.rowStride, width, height)
        }
        if (done) return
        val text = try {
            readQrCode(width.toUInt(), height.toUInt(), luma)
        } catch (e: WaymarkException.NotFound) {
            return
        } catch (e: WaymarkException) {
            return
        }
        done = true
        main.post {
            close()
            onFound(text)
        }
    }

    private fun close() {
        camera?.close()
        camera = null
        reader?.close()
        reader = null
    }

    override fun onDetachedFromWindow() {
        super.onDetachedFromWindow()
        close()
        thread.quitSafely()
    }
}
